import { commentOnce } from '../dead-link-issues/comment-once.js';
import type { GithubClient } from '../repo-run.js';
import type { FoundReport } from './find-report-issue.js';
import { parseTicks, tickId } from './report-checkboxes.js';
import { meaningfulPart, writtenAt } from './report-markers.js';

/** What the report step did to GitHub. */
export type ReportIssueAction =
  /** No report issue existed: one was opened. */
  | 'created'
  /** The body (or title) was rewritten. */
  | 'updated'
  /** Nothing meaningful changed and the body is less than a week old: no write. */
  | 'unchanged'
  /** A human closed the report: it stays closed and no other one is opened. */
  | 'left_closed'
  /** `report.enabled: false`: the open report was closed with a comment. */
  | 'closed'
  /** `report.enabled: false` and no open report: nothing to do. */
  | 'disabled';

export interface ReportTarget {
  octokit: GithubClient;
  owner: string;
  repo: string;
  botLogin: string;
  title: string;
  enabled: boolean;
  now: Date;
}

/** Rewrites the lists at least this often, so a stale date in the footer means checks stopped. */
export const REFRESH_AFTER_MS = 7 * 86_400_000;

const DUPLICATE = '<!-- linkmedic:duplicate-report -->';
const TURNED_OFF = '<!-- linkmedic:report-turned-off -->';

/**
 * Brings the report issue up to date. The issue is read again just before writing, and boxes
 * ticked there that this run did not act on (`handled`) stay ticked in the new body, so a tick
 * made while the run was checking is not lost (Renovate #10457); the webhook for that tick, or
 * the next run, acts on it. `render` gets the ids of the boxes to keep ticked.
 */
export async function syncReportIssue(
  target: ReportTarget,
  found: FoundReport,
  render: (ticked: ReadonlySet<string>) => string,
  handled: ReadonlySet<string>,
): Promise<{ action: ReportIssueAction; number?: number }> {
  const { octokit, owner, repo } = target;
  for (const duplicate of found.duplicates) {
    const body = `linkmedic keeps one report per repository; this one duplicates #${found.current!.number} and is closed.`;
    await commentOnce(octokit, { owner, repo, issueNumber: duplicate.number, botLogin: target.botLogin, marker: DUPLICATE, body });
    await octokit.rest.issues.update({ owner, repo, issue_number: duplicate.number, state: 'closed', state_reason: 'not_planned' });
  }
  const current = found.current;
  if (!target.enabled) {
    if (current?.state !== 'open') return { action: 'disabled' };
    const body = 'The report is turned off in `.github/linkmedic.yml` (`report.enabled: false`), so this issue is closed. Turn it back on and linkmedic reopens it.';
    await commentOnce(octokit, { owner, repo, issueNumber: current.number, botLogin: target.botLogin, marker: TURNED_OFF, body });
    await octokit.rest.issues.update({ owner, repo, issue_number: current.number, state: 'closed', state_reason: 'not_planned' });
    return { action: 'closed', number: current.number };
  }
  if (current?.state === 'closed' && current.closedBy !== target.botLogin) return { action: 'left_closed', number: current.number };
  if (!current) {
    const { data } = await octokit.rest.issues.create({ owner, repo, title: target.title, body: render(new Set()) });
    return { action: 'created', number: data.number };
  }

  const { data: fresh } = await octokit.rest.issues.get({ owner, repo, issue_number: current.number });
  // A human may have closed it while this run was checking.
  if (fresh.state === 'closed' && fresh.closed_by?.login !== target.botLogin) return { action: 'left_closed', number: current.number };
  const carried = new Set(parseTicks(fresh.body).map(tickId).filter((id) => !handled.has(id)));
  const body = render(carried);
  const stale = target.now.getTime() - (writtenAt(fresh.body)?.getTime() ?? 0) >= REFRESH_AFTER_MS;
  const reopen = fresh.state === 'closed';
  if (!reopen && !stale && fresh.title === target.title && meaningfulPart(fresh.body) === meaningfulPart(body)) {
    return { action: 'unchanged', number: current.number };
  }
  await octokit.rest.issues.update({ owner, repo, issue_number: current.number, title: target.title, body, ...(reopen && { state: 'open' as const }) });
  return { action: 'updated', number: current.number };
}
