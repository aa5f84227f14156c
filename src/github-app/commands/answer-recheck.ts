import { codeSpan, escapeCell, formatTime } from '../dead-link-issues/markdown-text.js';
import { parseIssueMarkers } from '../dead-link-issues/issue-markers.js';
import { urlKey } from '../dead-link-issues/url-key.js';
import { failingUrls } from '../report-issue/apply-report-ticks.js';
import { isReportBody } from '../report-issue/report-markers.js';
import { repoKey } from '../repository/repo-target.js';
import type { RepoSession } from '../repository/update-github.js';
import type { Recheck } from '../state/repo-memory.js';
import { recheckLinks } from './recheck-links.js';
import { upsertReply } from './upsert-reply.js';

export const RECHECK_REPLY_MARKER = '<!-- linkmedic:recheck-reply -->';

/** What `/linkmedic recheck` did. */
export type RecheckAnswer =
  /** The links were checked and the reply written (created or edited). */
  | 'answered'
  /** Not the report or a dead-link issue of the app: not ours to answer. */
  | 'not_ours'
  /** No recorded run yet: nothing known to recheck; the reply says so. */
  | 'no_run';

function replyBody(rechecks: readonly Recheck[], by: string, at: Date): string {
  if (rechecks.length === 0) return `Nothing was failing in the latest check, so there was nothing to recheck (asked by ${escapeCell(by)}, ${formatTime(at)}).`;
  return [
    `Rechecked ${rechecks.length} link${rechecks.length === 1 ? '' : 's'} on ${formatTime(at)}, as ${escapeCell(by)} asked:`,
    '',
    '| Link | Now |',
    '| --- | --- |',
    ...rechecks.map((recheck) => `| ${codeSpan(recheck.url)} | **${recheck.verdict.replace('_', ' ')}**: ${escapeCell(recheck.detail)} |`),
    '',
    'The report shows these answers until the next scheduled check, which records them in history.',
  ].join('\n');
}

/** Answers `/linkmedic recheck` on the report (its failing links) or a dead-link issue (its link). */
export async function answerRecheck(session: RepoSession, issue: { number: number; body?: string | null; user?: { login: string } | null }, by: string): Promise<RecheckAnswer> {
  const { rt, octokit, target, botLogin } = session;
  if (issue.user?.login !== botLogin) return 'not_ours';
  const isReport = isReportBody(issue.body);
  const deadLinkKey = parseIssueMarkers(issue.body)?.key;
  if (!isReport && !deadLinkKey) return 'not_ours';
  const where = { owner: target.owner, repo: target.repo, issueNumber: issue.number, botLogin };
  const key = repoKey(target);
  const record = await rt.memory.latestRun(key);
  if (!record) {
    await upsertReply(octokit, where, RECHECK_REPLY_MARKER, 'linkmedic has not checked this catalog yet; the first scheduled run will.');
    return 'no_run';
  }
  const urls = isReport
    ? failingUrls(record.report, new Set((await rt.memory.ignoredUrls(key)).keys()))
    : record.report.links.filter((link) => urlKey(link.url) === deadLinkKey).map((link) => link.url);
  const rechecks = await recheckLinks(rt, { octokit, repoKey: key, config: record.config }, urls, by);
  await upsertReply(octokit, where, RECHECK_REPLY_MARKER, replyBody(rechecks, by, rt.now()));
  return 'answered';
}
