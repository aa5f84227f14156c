import { availabilityShare } from './availability-share.js';
import type { ChangedLink, HistoryLink, HistoryReport } from './history-report.js';
import { codeCell, escapeCell, linkCell, table } from './markdown-cells.js';
import { PROBLEM_GROUPS } from './problem-groups.js';
import { MAX_MARKDOWN_ROWS } from './render-check-markdown.js';
import { timelineStrip } from './render-history-text.js';
import { countOf, formatCount, formatDay, formatDelta, formatMinute, formatShare } from './text-format.js';

/** GitHub renders this mermaid chart in issues and comments; other viewers show its source. */
function availabilityMermaid(report: HistoryReport): string[] {
  const points = report.availability.filter((point) => point.conclusive).slice(-30);
  const shares = points.map((point) => Math.floor((availabilityShare(point.counts).share ?? 1) * 1000) / 10);
  if (shares.length < 2) return [];
  const floor = Math.max(0, Math.min(90, Math.floor((Math.min(...shares) - 1) / 5) * 5));
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Links that answer (%)"',
    `  x-axis [${points.map((point) => `"${formatDay(point.startedAt).slice(5)}"`).join(', ')}]`,
    `  y-axis "%" ${floor} --> 100`,
    `  line [${shares.join(', ')}]`,
    '```',
    '',
  ];
}

function problemRow(link: HistoryLink): string[] {
  const [first] = link.places;
  const entry = first ? `${escapeCell(first.entry ?? '')}${first.entry ? '<br>' : ''}<sub>${escapeCell(`${first.file}:${first.line}`)}</sub>` : '';
  const { history } = link;
  const streak = history.confirmedDead ? 'confirmed dead, ' : '';
  const failing = history.consecutiveFailures > 0 ? `${streak}failing ${history.consecutiveFailures} runs` : '';
  return [entry, linkCell(link.url), `**${link.verdict}** ${codeCell(link.reason)}`, `${timelineStrip(link.timeline)}${failing ? `<br>${failing}` : ''}`, link.suggestion ? linkCell(link.suggestion.url) : ''];
}

const changeLine = (change: ChangedLink, note: string): string =>
  `- ${formatDay(change.at)}: ${change.entry ? `**${escapeCell(change.entry)}** ` : ''}${linkCell(change.url)} (${note})`;

/** `linkmedic report --format markdown`: the history report for an issue or a wiki page. */
export function renderHistoryMarkdown(report: HistoryReport): string {
  const { latestRun } = report;
  const now = availabilityShare(report.summary);
  const out = [
    `## Link health: ${codeCell(report.catalog)}`,
    '',
    `${countOf(report.runCount, 'run')} since ${formatDay(report.since)}; latest ${formatMinute(latestRun.startedAt)}: ` +
      `${countOf(report.summary.total, 'link')}, ${now.share === undefined ? 'none judged' : `${formatShare(now.share)} answer`}, ` +
      `${formatCount(now.failing)} failing, ${formatCount(now.human)} need a human, ${formatCount(now.moved)} moved.`,
    '',
    ...availabilityMermaid(report),
  ];
  if (!latestRun.conclusive) out.push('> [!WARNING]\n> The latest run was inconclusive: linkmedic could not reach the network.', '');
  const changes = (title: string, list: readonly ChangedLink[], note: (change: ChangedLink) => string) =>
    out.push(`### ${title} (${list.length})`, '', ...(list.length ? list.map((change) => changeLine(change, note(change))) : ['None.']), '');
  changes('Newly dead', report.newlyDead, (change) => `${change.reason}, confirmed after ${change.failedRuns} failing runs`);
  changes('Recovered', report.recovered, (change) => (change.wasConfirmedDead ? 'had been confirmed dead' : `after ${change.failedRuns} failing runs`));
  for (const group of PROBLEM_GROUPS) {
    const links = report.links.filter((link) => group.verdicts.includes(link.verdict));
    if (links.length === 0) continue;
    const rows = links.slice(0, MAX_MARKDOWN_ROWS).map(problemRow);
    out.push(`### ${group.title} (${links.length})`, '', ...table(['Entry', 'Link', 'Verdict', 'History (oldest → latest)', 'Suggestion'], rows), '');
    if (links.length > MAX_MARKDOWN_ROWS) out.push(`…and ${links.length - MAX_MARKDOWN_ROWS} more.`, '');
  }
  if (report.sections.length > 0) out.push('### Stars and likes', '');
  for (const { section, repos } of report.sections) {
    const delta = (value?: number) => (value === undefined ? '' : formatDelta(value));
    const rows = repos.map((repo) => [escapeCell(repo.entry ?? repo.name), linkCell(repo.url, repo.name), `${formatCount(repo.value)} ${repo.metric}`, delta(repo.delta7d), delta(repo.delta30d)]);
    out.push(`**${escapeCell(section || 'Top of the catalog')}**`, '', ...table(['Entry', 'Repository', 'Now', '7 days', '30 days'], rows), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
