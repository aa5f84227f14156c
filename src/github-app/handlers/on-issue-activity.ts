import { answerRecheck } from '../commands/answer-recheck.js';
import { mayCommand, parseCommand } from '../commands/parse-command.js';
import { newlyTicked, parseTicks } from '../report-issue/report-checkboxes.js';
import { isReportBody } from '../report-issue/report-markers.js';
import { refreshRepository } from '../repository/refresh-repository.js';
import type { RepoTarget } from '../repository/repo-target.js';
import type { AppRuntime } from '../runtime/app-runtime.js';

export interface IssueFacts {
  number: number;
  body?: string | null;
  state?: string;
  user?: { login: string } | null;
}

/**
 * `issues.edited` on the report by someone other than the app: the boxes that edit ticked are
 * acted on now, together with any still ticked in the body (re-read when the work runs, so ticks
 * the app carried over while rewriting are not lost).
 */
export async function onReportEdited(rt: AppRuntime, target: RepoTarget, issue: IssueFacts, change: { before?: string | null; sender: string }, signal: AbortSignal): Promise<boolean> {
  const botLogin = await rt.botLogin();
  if (change.sender === botLogin || issue.user?.login !== botLogin || issue.state !== 'open' || !isReportBody(issue.body)) return false;
  const ticks = newlyTicked(change.before, issue.body);
  if (ticks.length === 0 && parseTicks(issue.body).length === 0) return false;
  const outcome = await refreshRepository(rt, target, { ticks, tickedBy: change.sender, signal });
  // Thrown so the queue tries again: the ticks are still in the body, or already remembered.
  if (outcome.status === 'partial') throw new Error(`report checkboxes: ${outcome.detail}`);
  rt.log.info({ repo: `${target.owner}/${target.repo}`, status: outcome.status, by: change.sender }, 'report checkboxes acted on');
  return true;
}

/** `issue_comment.created`: `/linkmedic recheck` from someone with a role in the repository. */
export async function onIssueComment(
  rt: AppRuntime,
  target: RepoTarget,
  issue: IssueFacts,
  comment: { body?: string | null; author_association?: string },
  sender: string,
  signal: AbortSignal,
): Promise<boolean> {
  if (parseCommand(comment.body) !== 'recheck' || !mayCommand(comment.author_association)) return false;
  const botLogin = await rt.botLogin();
  if (sender === botLogin) return false;
  const session = { rt, target, octokit: await rt.installation(target.installationId, signal), botLogin, signal };
  const answer = await answerRecheck(session, issue, sender);
  rt.log.info({ repo: `${target.owner}/${target.repo}`, issue: issue.number, answer }, '/linkmedic recheck');
  return answer !== 'not_ours';
}
