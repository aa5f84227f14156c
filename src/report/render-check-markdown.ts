import { codeCell, escapeCell, linkCell, table } from './markdown-cells.js';
import { isHttpsUpgradeOnly, PROBLEM_GROUPS, problemRank } from './problem-groups.js';
import type { LinkReport, RunReport } from './run-report.js';
import { formatCount, formatMinute } from './text-format.js';

/** Rows beyond this are counted, not listed: an issue body holds at most 65,536 characters. */
export const MAX_MARKDOWN_ROWS = 200;

const SUGGESTION_LABEL = { permanent_redirect: 'moved to', repo_rename: 'renamed to', markdown_fix: 'fixed form', archive: 'archived copy', https_upgrade: 'over https' } as const;

function entryCell(link: LinkReport): string {
  const [first] = link.occurrences;
  if (!first) return '';
  const where = [`${first.file}:${first.line}`, first.section].filter(Boolean).join(' · ');
  const more = link.occurrences.length > 1 ? ` (+${link.occurrences.length - 1})` : '';
  return `${escapeCell(first.entry ?? '')}${first.entry ? '<br>' : ''}<sub>${escapeCell(where)}${more}</sub>`;
}

function verdictCell(link: LinkReport): string {
  const history = link.history?.confirmedDead ? ' (confirmed)' : link.history && link.history.consecutiveFailures > 1 ? ` (${link.history.consecutiveFailures} runs)` : '';
  return `**${link.verdict}**${history}`;
}

const suggestionCell = ({ suggestion }: LinkReport): string =>
  suggestion ? `${SUGGESTION_LABEL[suggestion.kind]} ${linkCell(suggestion.url)}` : '';

/**
 * `linkmedic check --format markdown`: what a maintainer pastes into an issue — a summary line and
 * one table of every problem (entry, link, verdict, reason, suggestion), most urgent first, plain
 * http links that work over https last.
 */
export function renderCheckMarkdown(report: RunReport): string {
  const problems = report.links
    .filter((link) => problemRank(link.verdict) < PROBLEM_GROUPS.length || isHttpsUpgradeOnly(link))
    .sort((a, b) => problemRank(a.verdict) - problemRank(b.verdict));
  const counts = Object.entries(report.summary)
    .filter(([verdict, count]) => verdict !== 'total' && count > 0)
    .map(([verdict, count]) => `${formatCount(count)} ${verdict}`)
    .join(' · ');
  const out = [
    `### linkmedic: ${formatCount(report.summary.total)} links, ${formatCount(report.summary.dead)} dead`,
    '',
    `Checked ${formatMinute(report.startedAt)} in ${(report.stats.elapsedMs / 1000).toFixed(1)} s: ${counts || 'no links'}.`,
    '',
  ];
  if (!report.conclusive) {
    out.push(`> [!WARNING]\n> Inconclusive: ${escapeCell(report.inconclusiveReason ?? 'linkmedic could not reach the network')}. No link was judged dead from this run.`, '');
  }
  if (problems.length === 0) {
    out.push('No problems found.');
  } else {
    const rows = problems.slice(0, MAX_MARKDOWN_ROWS).map((link) => [entryCell(link), linkCell(link.url), verdictCell(link), `${codeCell(link.reason)} ${escapeCell(link.detail)}`, suggestionCell(link)]);
    out.push(...table(['Entry', 'Link', 'Verdict', 'Reason', 'Suggestion'], rows));
    if (problems.length > MAX_MARKDOWN_ROWS) out.push('', `…and ${formatCount(problems.length - MAX_MARKDOWN_ROWS)} more; see \`linkmedic check --format json\`.`);
  }
  const fixable = report.findings.filter((finding) => finding.fix).length;
  if (report.findings.length > 0) {
    out.push('', `${formatCount(report.findings.length)} findings about how the catalog is written${fixable ? ` (${fixable} with a fix)` : ''}; see \`linkmedic extract\`.`);
  }
  return `${out.join('\n')}\n`;
}
