import type { Urls } from '../http/route.js';
import type { FakeState } from '../state/fake-state.js';
import type { FakeRepo } from '../state/types.js';
import {
  installationEvent,
  installationRepositoriesEvent,
  issueCommentEvent,
  issuesEvent,
  pullRequestEvent,
  pushEvent,
} from './payloads.js';
import type { WebhookEvent } from './webhook-event.js';

/**
 * Builds webhook events from the current state without changing it — for replaying an event
 * (a redelivery, a duplicate) or sending one GitHub would have sent at another time.
 * Pass the result to `probot.receive()` or `deliverWebhook()`.
 */
export class WebhookBuilder {
  readonly #state: FakeState;
  readonly #urls: Urls;

  constructor(state: FakeState, urls: Urls) {
    this.#state = state;
    this.#urls = urls;
  }

  installation(installationId: number, action: 'created' | 'deleted' | 'suspend' | 'unsuspend', sender: string): WebhookEvent {
    return installationEvent(this.#state, this.#urls, this.#installation(installationId), action, this.#state.user(sender));
  }

  installationRepositoriesAdded(installationId: number, fullNames: string[], sender: string): WebhookEvent {
    const change = { added: fullNames.map((f) => this.#repo(f)), removed: [] };
    return installationRepositoriesEvent(this.#state, this.#urls, this.#installation(installationId), change, this.#state.user(sender));
  }

  /** A push that moved `ref` from `before` (null: created) to its current commit. */
  push(fullName: string, ref: string, before: string | null, pusher: string): WebhookEvent {
    const repo = this.#repo(fullName);
    const after = repo.refs.get(ref) ?? null;
    const forced = before !== null && after !== null && !repo.git.isAncestor(before, after);
    return pushEvent(this.#state, this.#urls, repo, { ref, before, after, forced, pusher: this.#state.user(pusher) });
  }

  issues(fullName: string, number: number, action: 'opened' | 'edited' | 'closed' | 'reopened', sender: string, extra: Record<string, unknown> = {}): WebhookEvent {
    const repo = this.#repo(fullName);
    return issuesEvent(this.#state, this.#urls, repo, this.#issue(repo, number), action, this.#state.user(sender), extra);
  }

  pullRequest(fullName: string, number: number, action: 'opened' | 'synchronize' | 'closed' | 'reopened' | 'edited', sender: string, extra: Record<string, unknown> = {}): WebhookEvent {
    const repo = this.#repo(fullName);
    return pullRequestEvent(this.#state, this.#urls, repo, this.#issue(repo, number), action, this.#state.user(sender), extra);
  }

  issueComment(fullName: string, commentId: number, action: 'created' | 'edited' | 'deleted', sender: string): WebhookEvent {
    const repo = this.#repo(fullName);
    const comment = repo.comments.get(commentId);
    if (!comment) throw new Error(`unknown comment ${commentId}`);
    return issueCommentEvent(this.#state, this.#urls, repo, comment, action, this.#state.user(sender));
  }

  #installation(id: number) {
    const installation = this.#state.installations.get(id);
    if (!installation) throw new Error(`unknown installation ${id}`);
    return installation;
  }

  #repo(fullName: string): FakeRepo {
    const [owner, name] = fullName.split('/');
    const repo = owner && name ? this.#state.repo(owner, name) : undefined;
    if (!repo) throw new Error(`unknown repository ${fullName}`);
    return repo;
  }

  #issue(repo: FakeRepo, number: number) {
    const issue = repo.issues.get(number);
    if (!issue) throw new Error(`unknown issue #${number}`);
    return issue;
  }
}
