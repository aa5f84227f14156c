import { parseCommand } from './commands/parse-command.js';
import { onIssueComment, onReportEdited } from './handlers/on-issue-activity.js';
import { welcomeRepositories } from './handlers/on-installation.js';
import { onPullRequestChanged, onPullRequestClosed } from './handlers/on-pull-request.js';
import { onDefaultBranchPush } from './handlers/on-push.js';
import { isReportBody } from './report-issue/report-markers.js';
import { repoKey, toRepoTarget, type RepoTarget, type RestRepository } from './repository/repo-target.js';
import type { AppRuntime } from './runtime/app-runtime.js';

interface RepoPayload {
  installation?: { id: number };
  repository: RestRepository;
}

const targetOf = (payload: RepoPayload): RepoTarget | undefined =>
  payload.installation ? toRepoTarget(payload.installation.id, payload.repository) : undefined;

/**
 * The webhook handlers. Each answers GitHub at once and queues its work (GitHub gives a delivery
 * ten seconds); work that writes to a repository holds its lease (one writer per repository,
 * across processes). Probot has verified the signature before any of these run.
 */
export function linkmedicApp(rt: AppRuntime): void {
  const { probot } = rt;
  const later = (label: string, target: RepoTarget | undefined, work: (target: RepoTarget, signal: AbortSignal) => Promise<unknown>): void => {
    if (target && !target.archived) rt.enqueue(label, () => rt.locks.run(repoKey(target), (signal) => work(target, signal)));
  };

  probot.on('installation.created', async ({ payload }) => {
    welcomeRepositories(rt, payload.installation.id, payload.repositories ?? []);
  });
  probot.on('installation_repositories.added', async ({ payload }) => {
    welcomeRepositories(rt, payload.installation.id, payload.repositories_added);
  });
  probot.on('push', async ({ payload }) => {
    later('push', targetOf(payload as RepoPayload), (target, signal) => onDefaultBranchPush(rt, target, payload, signal));
  });
  probot.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened'], async ({ payload }) => {
    // Writes its own check run only: no lease, so a pass on the repository does not hold it up.
    const target = targetOf(payload as RepoPayload);
    if (target && !target.archived) rt.enqueue('pull request check', () => onPullRequestChanged(rt, target, payload.pull_request));
  });
  probot.on('pull_request.closed', async ({ payload }) => {
    later('closed pull request', targetOf(payload as RepoPayload), (target, signal) => onPullRequestClosed(rt, target, payload.pull_request, payload.sender.login, signal));
  });
  probot.on('issues.edited', async ({ payload }) => {
    if (!isReportBody(payload.issue.body)) return;
    const change = { before: payload.changes.body?.from, sender: payload.sender.login };
    later('report checkboxes', targetOf(payload as RepoPayload), (target, signal) => onReportEdited(rt, target, payload.issue, change, signal));
  });
  probot.on('issue_comment.created', async ({ payload }) => {
    if (!parseCommand(payload.comment.body)) return;
    later('command', targetOf(payload as RepoPayload), (target, signal) => onIssueComment(rt, target, payload.issue, payload.comment, payload.sender.login, signal));
  });
}
