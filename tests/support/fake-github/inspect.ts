import type { FakeState } from './state/fake-state.js';
import { pullShas } from './state/pull-shas.js';
import { resolveRef } from './state/resolve-ref.js';
import type { FakeAnnotation, FakeRepo } from './state/types.js';

export interface InspectedIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  author: string;
  closedBy: string | null;
  isPull: boolean;
  comments: Array<{ id: number; author: string; body: string }>;
  /** Timeline event names in order (`closed`, `reopened`, `labeled`, …). */
  events: Array<{ event: string; actor: string }>;
}

export interface InspectedPull {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  merged: boolean;
  author: string;
  headRef: string;
  baseRef: string;
  headSha: string | null;
  closedBy: string | null;
}

/** Read-only views of the final state, in plain data, for assertions. */
export class Inspect {
  readonly #state: FakeState;

  constructor(state: FakeState) {
    this.#state = state;
  }

  /** Issues (not pull requests unless asked), by number. */
  issues(fullName: string, options: { includePulls?: boolean } = {}): InspectedIssue[] {
    const repo = this.#repo(fullName);
    return [...repo.issues.values()]
      .filter((i) => options.includePulls || !i.pull)
      .sort((a, b) => a.number - b.number)
      .map((i) => ({
        number: i.number,
        title: i.title,
        body: i.body,
        state: i.state,
        stateReason: i.stateReason,
        labels: [...i.labels],
        author: i.user.login,
        closedBy: i.closedBy?.login ?? null,
        isPull: i.pull !== null,
        comments: [...repo.comments.values()]
          .filter((c) => c.issueNumber === i.number)
          .sort((a, b) => a.id - b.id)
          .map((c) => ({ id: c.id, author: c.user.login, body: c.body })),
        events: repo.events.filter((e) => e.issueNumber === i.number).map((e) => ({ event: e.event, actor: e.actor.login })),
      }));
  }

  pulls(fullName: string): InspectedPull[] {
    const repo = this.#repo(fullName);
    return [...repo.issues.values()]
      .filter((i) => i.pull)
      .sort((a, b) => a.number - b.number)
      .map((i) => ({
        number: i.number,
        title: i.title,
        body: i.body,
        state: i.state,
        merged: i.pull!.mergedAt !== null,
        author: i.user.login,
        headRef: i.pull!.headRef,
        baseRef: i.pull!.baseRef,
        headSha: pullShas(repo, i).head,
        closedBy: i.closedBy?.login ?? null,
      }));
  }

  /** Branch name → commit sha. */
  branches(fullName: string): Record<string, string> {
    const repo = this.#repo(fullName);
    return Object.fromEntries(
      [...repo.refs].filter(([r]) => r.startsWith('refs/heads/')).map(([r, sha]) => [r.slice('refs/heads/'.length), sha]),
    );
  }

  /** Every file at a ref (default branch by default) as text, or undefined if the ref is unknown. */
  files(fullName: string, ref?: string): Record<string, string> | undefined {
    const repo = this.#repo(fullName);
    const sha = resolveRef(repo, ref);
    if (!sha) return undefined;
    const files = repo.git.files(repo.git.commit(sha)!.tree);
    return Object.fromEntries([...files].map(([p, v]) => [p, repo.git.blob(v.sha)!.toString('utf8')]));
  }

  file(fullName: string, path: string, ref?: string): string | undefined {
    return this.files(fullName, ref)?.[path];
  }

  /** Commits on a ref, newest first, with who wrote and committed them. */
  commits(fullName: string, ref?: string): Array<{ sha: string; message: string; author: string; committer: string; parents: string[] }> {
    const repo = this.#repo(fullName);
    const sha = resolveRef(repo, ref);
    if (!sha) return [];
    return repo.git.ancestors(sha).map((s) => {
      const c = repo.git.commit(s)!;
      return { sha: s, message: c.message, author: c.author.email, committer: c.committer.email, parents: c.parents };
    });
  }

  checkRuns(fullName: string): Array<{ id: number; name: string; headSha: string; status: string; conclusion: string | null; title: string | null; summary: string | null; annotations: FakeAnnotation[] }> {
    return [...this.#repo(fullName).checkRuns.values()].map((r) => ({
      id: r.id,
      name: r.name,
      headSha: r.headSha,
      status: r.status,
      conclusion: r.conclusion,
      title: r.output.title,
      summary: r.output.summary,
      annotations: [...r.annotations],
    }));
  }

  labels(fullName: string): string[] {
    return [...this.#repo(fullName).labels.values()].map((l) => l.name);
  }

  #repo(fullName: string): FakeRepo {
    const [owner, name] = fullName.split('/');
    const repo = owner && name ? this.#state.repo(owner, name) : undefined;
    if (!repo) throw new Error(`unknown repository ${fullName}`);
    return repo;
  }
}
