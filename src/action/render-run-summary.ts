import { FAILING_VERDICTS } from '../check/verdict.js';
import type { GithubUpdate } from '../github-app/repository/update-github.js';
import type { RunReport } from '../report/run-report.js';

export interface RunSummaryFacts {
  report: RunReport;
  update: GithubUpdate;
  repoUrl: string;
  /** Where the history went: branch, commit, position in the chain; or why it was not saved. */
  history: { branch: string; sha?: string; depth?: number; maxDepth: number; error?: string };
  problems: readonly string[];
}

const issueLink = (repoUrl: string, number: number): string => `[#${number}](${repoUrl}/issues/${number})`;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The job summary of a scheduled run: what was checked, and what was done on GitHub about it. */
export function renderRunSummary({ report, update, repoUrl, history, problems }: RunSummaryFacts): string {
  const dead = report.links.filter((link) => link.history?.confirmedDead).length;
  const failing = report.links.filter((link) => FAILING_VERDICTS.has(link.verdict) && !link.history?.confirmedDead).length;
  const issues = update.deadLinkIssues;
  const fix = update.fixPullRequest;
  const rows: Array<[string, string]> = [
    ['Links checked', String(report.summary.total)],
    ['Confirmed dead', String(dead)],
    ['Failing, not yet confirmed', String(failing)],
    ['Report issue', update.report?.number ? `${issueLink(repoUrl, update.report.number)} (${update.report.action})` : (update.report?.action ?? 'none')],
    ['Dead-link issues', issues ? [`${issues.opened.length} opened`, `${issues.updated.length} updated`, `${issues.closed.length} closed`, ...(issues.deferred.length > 0 ? [`${issues.deferred.length} left for the next run`] : [])].join(', ') : 'none'],
    ['Fix pull request', fix?.pullRequest ? `${issueLink(repoUrl, fix.pullRequest.number).replace('/issues/', '/pull/')} (${fix.action}, ${plural(fix.fixes.length, 'fix')})` : (fix?.action ?? 'none')],
    ['History', history.error ? `not saved: ${history.error}` : `\`${history.branch}\` at ${history.sha?.slice(0, 7)} (commit ${history.depth} of at most ${history.maxDepth})`],
  ];
  return [
    `## linkmedic: ${report.conclusive ? plural(report.summary.total, 'link') + ' checked' : 'the links could not be checked'}`,
    '',
    ...(report.conclusive ? [] : [`The checker could not reach the network (${report.inconclusiveReason ?? 'offline'}); nothing was judged dead.`, '']),
    '| | |',
    '|---|---|',
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
    ...(problems.length > 0 ? ['', '### Problems', '', ...problems.map((problem) => `- ${problem}`)] : []),
  ].join('\n');
}
