import { parseCommand } from './commands/parse-command.js';
import type { AppJob } from './jobs/app-job.js';
import { newlyTicked, parseTicks } from './report-issue/report-checkboxes.js';
import { isReportBody } from './report-issue/report-markers.js';
import { toRepoTarget, type RepoTarget, type RestRepository } from './repository/repo-target.js';
import type { AppRuntime } from './runtime/app-runtime.js';

interface RepoPayload {
  installation?: { id: number };
  repository: RestRepository;
}

const targetOf = (payload: RepoPayload): RepoTarget | undefined =>
  payload.installation ? toRepoTarget(payload.installation.id, payload.repository) : undefined;

/** An installation's account: a user or organisation (`login`), or an enterprise (`slug`). */
const accountOf = (installation: { account: { login: string } | { slug: string } | null }): string =>
  !installation.account ? '' : 'login' in installation.account ? installation.account.login : installation.account.slug;

/**
 * The webhook handlers. Each turns the event into a job and queues it, and GitHub gets its answer
 * once the job is queued (GitHub gives a delivery ten seconds): the work itself runs in this
 * process or on a worker (`jobs/run-job.ts`), holding the repository's lease when it writes to it.
 * Probot has verified the signature before any of these run.
 */
export function linkmedicApp(rt: AppRuntime): void {
  const { probot } = rt;
  const later = async (payload: RepoPayload, job: (target: RepoTarget) => AppJob): Promise<void> => {
    const target = targetOf(payload);
    if (target && !target.archived) await rt.enqueue(job(target));
  };
  const welcome = async (installationId: number, repositories: ReadonlyArray<{ full_name: string }>): Promise<void> => {
    for (const { full_name } of repositories) await rt.enqueue({ kind: 'welcome', installationId, repo: full_name });
  };

  probot.on('installation.created', async ({ payload }) => {
    await welcome(payload.installation.id, payload.repositories ?? []);
  });
  probot.on('installation_repositories.added', async ({ payload }) => {
    await welcome(payload.installation.id, payload.repositories_added);
  });
  probot.on('installation.deleted', async ({ payload }) => {
    const repos = (payload.repositories ?? []).map((repository) => repository.full_name);
    await rt.enqueue({ kind: 'forget', account: accountOf(payload.installation), repos, wholeAccount: true });
  });
  probot.on('installation_repositories.removed', async ({ payload }) => {
    const repos = payload.repositories_removed.map((repository) => repository.full_name);
    await rt.enqueue({ kind: 'forget', account: accountOf(payload.installation), repos, wholeAccount: false });
  });
  probot.on('push', async ({ payload }) => {
    const push = { ref: payload.ref, before: payload.before, after: payload.after };
    await later(payload as RepoPayload, (target) => ({ kind: 'push', target, push }));
  });
  probot.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened'], async ({ payload }) => {
    await later(payload as RepoPayload, (target) => ({ kind: 'pull-check', target, pull: pullFacts(payload.pull_request) }));
  });
  probot.on('pull_request.closed', async ({ payload }) => {
    await later(payload as RepoPayload, (target) => ({ kind: 'pull-closed', target, pull: pullFacts(payload.pull_request), sender: payload.sender.login }));
  });
  probot.on('issues.edited', async ({ payload }) => {
    const { issue } = payload;
    if (!isReportBody(issue.body)) return;
    const ticks = newlyTicked(payload.changes.body?.from, issue.body);
    // Nothing ticked at all: an edit of the text, or the app unticking what it acted on.
    if (ticks.length === 0 && parseTicks(issue.body).length === 0) return;
    const facts = { number: issue.number, state: issue.state ?? 'open', author: issue.user?.login ?? null };
    await later(payload as RepoPayload, (target) => ({ kind: 'report-edited', target, issue: facts, ticks, sender: payload.sender.login }));
  });
  probot.on('issue_comment.created', async ({ payload }) => {
    const { comment, issue } = payload;
    if (!parseCommand(comment.body)) return;
    const facts = { number: issue.number, body: issue.body ?? null, author: issue.user?.login ?? null };
    const command = { id: comment.id, body: comment.body, authorAssociation: comment.author_association };
    await later(payload as RepoPayload, (target) => ({ kind: 'command', target, issue: facts, comment: command, sender: payload.sender.login }));
  });
}

function pullFacts(pull: { number: number; head: { sha: string; ref: string }; base: { sha: string }; user: { login: string } | null; merged?: boolean | null }): Extract<AppJob, { kind: 'pull-check' }>['pull'] {
  return { number: pull.number, head: { sha: pull.head.sha, ref: pull.head.ref }, base: { sha: pull.base.sha }, user: pull.user && { login: pull.user.login }, merged: pull.merged ?? null };
}
