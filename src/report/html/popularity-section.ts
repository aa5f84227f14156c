import type { SectionPopularity } from '../history-report.js';
import { formatCount, formatDelta, formatDay } from '../text-format.js';
import { html, type SafeHtml } from './html.js';
import { popularityChart, sparklineSvg } from './popularity-chart.js';
import { urlLink } from './problem-table.js';

const METRICS = [
  { metric: 'stars', title: 'GitHub stars gained' },
  { metric: 'likes', title: 'Hugging Face likes gained' },
] as const;

const deltaCell = (delta?: number): SafeHtml =>
  delta === undefined ? html`<td class="num none">–</td>` : html`<td class="num ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}">${formatDelta(delta)}</td>`;

/** One catalog section: a gains chart per metric it has, then every repository with its value, changes and sparkline. */
export function popularitySection({ section, repos }: SectionPopularity, domain: readonly [number, number]): SafeHtml {
  const charts = METRICS.flatMap(({ metric, title }) => {
    const these = repos.filter((repo) => repo.metric === metric && repo.series.length > 0);
    if (these.length === 0) return [];
    return [html`<figure data-metric="${metric}">${popularityChart(these, domain)}<figcaption>${title} since ${formatDay(new Date(domain[0]).toISOString())}, per repository (top ${Math.min(these.length, 5)} labelled)</figcaption></figure>`];
  });
  const rows = repos.map(
    (repo) => html`<tr data-repo="${repo.key}"><td><strong>${repo.entry ?? repo.name}</strong><span class="place"><br>${repo.host === 'github' ? 'GitHub' : 'Hugging Face'} · ${urlLink(repo.url, repo.name)}</span></td>
<td class="num">${formatCount(repo.value)} ${repo.metric}</td>${deltaCell(repo.delta7d)}${deltaCell(repo.delta30d)}<td>${repo.series.length > 1 ? sparklineSvg(repo.series.map((point) => point.value)) : ''}</td></tr>`,
  );
  return html`<section class="section-popularity" data-section="${section}">
<h3>${section || 'Top of the catalog'}</h3>
<div class="charts">${charts}</div>
<table><thead><tr><th>Entry</th><th class="num">Now</th><th class="num">7 days</th><th class="num">30 days</th><th>Trend</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}
