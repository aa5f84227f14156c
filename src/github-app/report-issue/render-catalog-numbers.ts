import { escapeCell } from '../dead-link-issues/markdown-text.js';
import type { AvailabilityPoint, CatalogNumbers, RepoStat } from './report-model.js';

const signed = (delta: number | undefined): string => (delta === undefined ? '—' : delta > 0 ? `+${delta}` : String(delta));

function statTable(title: string, unit: string, stats: readonly RepoStat[]): string[] {
  if (stats.length === 0) return [];
  return [
    `**${title}**`,
    '',
    `| Repository | ${unit} | 7 days | 30 days |`,
    '| --- | ---: | ---: | ---: |',
    ...stats.map((stat) => `| [${escapeCell(stat.name)}](${stat.url}) | ${stat.value} | ${signed(stat.delta7d)} | ${signed(stat.delta30d)} |`),
    '',
  ];
}

/** Stars, likes, gainers and archived repositories; empty parts are left out. */
export function renderCatalogNumbers(numbers: CatalogNumbers): string[] {
  const gainers = numbers.gainers.length === 0
    ? []
    : [
        '**Biggest gainers this week**',
        '',
        ...numbers.gainers.map((stat) => `- [${escapeCell(stat.name)}](${stat.url}): ${signed(stat.delta7d)} ${stat.metric}`),
        '',
      ];
  const archived = numbers.archived.length === 0
    ? []
    : [
        `**Archived on GitHub (${numbers.archived.length})**: still online, no longer maintained.`,
        '',
        ...numbers.archived.map((repo) => `- [${escapeCell(repo.name)}](${repo.url})${repo.entry ? ` · ${escapeCell(repo.entry)}` : ''}`),
        '',
      ];
  const body = [
    ...statTable('Most starred on GitHub', 'Stars', numbers.topStars),
    ...statTable('Most liked on Hugging Face', 'Likes', numbers.topLikes),
    ...gainers,
    ...archived,
  ];
  return body.length === 0 ? [] : ['### Catalog numbers', '', ...body];
}

/** A mermaid line chart of the share of links that answered, one point per run (oldest first). */
export function renderAvailabilityChart(points: readonly AvailabilityPoint[]): string[] {
  if (points.length < 2) return [];
  const labels = points.map((point) => `"${point.startedAt.slice(5, 10)}"`).join(', ');
  const lowest = Math.min(...points.map((point) => point.percent));
  const floor = Math.max(0, Math.floor(lowest / 10) * 10 - 10);
  return [
    `### Availability, last ${points.length} runs`,
    '',
    '```mermaid',
    'xychart-beta',
    '    title "Links that answered (%)"',
    `    x-axis [${labels}]`,
    `    y-axis "%" ${floor} --> 100`,
    `    line [${points.map((point) => point.percent).join(', ')}]`,
    '```',
    '',
  ];
}
