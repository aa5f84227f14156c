import type { GithubClient } from '../repo-run.js';
import { listBotIssues, type BotIssues } from '../github/list-bot-issues.js';
import { isReportBody } from './report-markers.js';

/** A report issue as read back from GitHub. */
export interface ReportIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  /** For a closed one: who closed it (a human's close is respected, the app's own is not). */
  closedBy?: string;
}

export interface FoundReport {
  /** The report to keep: the oldest open one, else the one closed last. */
  current?: ReportIssue;
  /** Further open report issues (a lost answer once made a second): closed as duplicates. */
  duplicates: ReportIssue[];
}

interface IssueItem {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  closed_at?: string | null;
  user?: { login: string } | null;
  pull_request?: unknown;
}

/**
 * Finds the report by its hidden marker and the app's authorship, reading every page (`creator`
 * narrows the listing; authorship is checked again on each item, since only the app's own issue counts).
 * `listed`: the run's listing, when it already has one.
 */
export async function findReportIssue(octokit: GithubClient, where: { owner: string; repo: string; botLogin: string }, listed?: BotIssues): Promise<FoundReport> {
  const items = (listed ?? (await listBotIssues(octokit, where))) as IssueItem[];
  const mine = items
    .filter((item) => item.pull_request === undefined && item.user?.login === where.botLogin && isReportBody(item.body))
    .sort((a, b) => a.number - b.number);
  const reports = mine.map((item): ReportIssue => ({ number: item.number, title: item.title, body: item.body ?? '', state: item.state === 'closed' ? 'closed' : 'open' }));
  const open = reports.filter((report) => report.state === 'open');
  if (open.length > 0) return { current: open[0], duplicates: open.slice(1) };
  // The close that counts is the last one: a human closing the report after the app closed a
  // duplicate of it must not get the duplicate back.
  const closedAt = (report: ReportIssue) => mine.find((item) => item.number === report.number)?.closed_at ?? '';
  const latest = reports.reduce<ReportIssue | undefined>((last, report) => (!last || closedAt(report) >= closedAt(last) ? report : last), undefined);
  if (!latest) return { duplicates: [] };
  // Only the single-issue endpoint says who closed it.
  const { data } = await octokit.rest.issues.get({ owner: where.owner, repo: where.repo, issue_number: latest.number });
  return { current: { ...latest, ...(data.closed_by?.login && { closedBy: data.closed_by.login }) }, duplicates: [] };
}
