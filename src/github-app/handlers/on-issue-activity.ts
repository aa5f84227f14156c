import { answerRecheck } from '../commands/answer-recheck.js';
import { mayCommand, parseCommand } from '../commands/parse-command.js';
import type { Tick } from '../report-issue/report-checkboxes.js';
import { refreshRepository } from '../repository/refresh-repository.js';
import type { RepoTarget } from '../repository/repo-target.js';
import type { AppRuntime } from '../runtime/app-runtime.js';

export interface IssueFacts {
  number: number;
  body?: string | null;
  state?: string;
  user?: { login: string } | null;
}

/** An edit of the report with boxes ticked, as the handler saw it (`ticks`: the ones this edit ticked). */
export interface ReportEdit {
  issue: { number: number; state: string; author: string | null };
  ticks: readonly Tick[];
  sender: string;
}

/**
 * `issues.edited` on the report by someone other than the app: the boxes that edit ticked are
 * acted on now, together with any still ticked in the body (re-read when the work runs, so ticks
 * the app carried over while rewriting are not lost).
 */
export async function onReportEdited(rt: AppRuntime, target: RepoTarget, edit: ReportEdit, signal: AbortSignal): Promise<boolean> {
  const botLogin = await rt.botLogin();
  if (edit.sender === botLogin || edit.issue.author !== botLogin || edit.issue.state !== 'open') return false;
  const outcome = await refreshRepository(rt, target, { ticks: edit.ticks, tickedBy: edit.sender, signal });
  // Thrown so the queue tries again: the ticks are still in the body, or already remembered.
  if (outcome.status === 'partial') throw new Error(`report checkboxes: ${outcome.detail}`);
  rt.log.info({ repo: `${target.owner}/${target.repo}`, status: outcome.status, by: edit.sender }, 'report checkboxes acted on');
  return true;
}

/** `issue_comment.created`: `/linkmedic recheck` from someone with a role in the repository. */
export async function onIssueComment(
  rt: AppRuntime,
  target: RepoTarget,
  issue: IssueFacts,
  comment: { body?: string | null; authorAssociation?: string | undefined },
  sender: string,
  signal: AbortSignal,
): Promise<boolean> {
  if (parseCommand(comment.body) !== 'recheck' || !mayCommand(comment.authorAssociation)) return false;
  const botLogin = await rt.botLogin();
  if (sender === botLogin) return false;
  const session = { rt, target, octokit: await rt.installation(target.installationId, signal), botLogin, signal };
  const answer = await answerRecheck(session, issue, sender);
  rt.log.info({ repo: `${target.owner}/${target.repo}`, issue: issue.number, answer }, '/linkmedic recheck');
  return answer !== 'not_ours';
}
