import type { RepoPopularity } from '../history-report.js';
import { formatCount, formatDelta } from '../text-format.js';
import { linearScale, niceTicks, px, shortDay, spreadIndexes } from './chart-scale.js';
import { html, type SafeHtml } from './html.js';

const W = 600;
const H = 250;
const PLOT = { left: 52, right: W - 170, top: 14, bottom: 206 };
/** Lines drawn in colour and labelled; the rest are thin grey context (each is in the table below). */
export const HIGHLIGHTED = 5;

/** The catalog's own name for the entry, short enough for the right margin. */
function labelOf(repo: RepoPopularity): string {
  const name = repo.entry ?? repo.name;
  return name.length > 20 ? `${name.slice(0, 19)}…` : name;
}

const gainOf = (repo: RepoPopularity): number => (repo.series.at(-1)?.value ?? repo.value) - (repo.series[0]?.value ?? repo.value);

/** Label positions at the lines' ends, pushed apart so none overlap, kept inside the plot. */
function spreadLabels(ys: readonly number[], gap = 13): number[] {
  const order = ys.map((y, index) => ({ y, index })).sort((a, b) => a.y - b.y);
  for (let i = 1; i < order.length; i++) order[i]!.y = Math.max(order[i]!.y, order[i - 1]!.y + gap);
  const overflow = (order.at(-1)?.y ?? 0) - PLOT.bottom;
  if (overflow > 0) for (const item of order) item.y -= overflow;
  const placed: number[] = [];
  for (const item of order) placed[item.index] = item.y;
  return placed;
}

/**
 * Stars (or likes) gained over the window by each repository of one section, one line per
 * repository and one point per run that snapshotted it. Gains rather than totals put a 50-star
 * dataset and a 30,000-star model on one readable axis, and the question is who is growing.
 */
export function popularityChart(repos: readonly RepoPopularity[], domain: readonly [number, number]): SafeHtml {
  const ranked = [...repos].sort((a, b) => gainOf(b) - gainOf(a) || b.value - a.value);
  const gains = repos.flatMap((repo) => repo.series.map((point) => point.value - repo.series[0]!.value));
  // At least 0–4, so a flat week gets whole-number ticks rather than +0.5 stars.
  const ticks = niceTicks(Math.min(0, ...gains), Math.max(4, ...gains), 4);
  const y = linearScale([ticks[0]!, ticks.at(-1)!], [PLOT.bottom, PLOT.top]);
  const x = linearScale(domain, [PLOT.left + 8, PLOT.right - 8]);
  const highlighted = ranked.slice(0, HIGHLIGHTED);
  const labelYs = spreadLabels(highlighted.map((repo) => y(gainOf(repo))));
  const metric = repos[0]?.metric ?? 'stars';

  const line = (repo: RepoPopularity, style: string) => {
    const coords = repo.series.map((point) => [x(Date.parse(point.at)), y(point.value - repo.series[0]!.value)] as const);
    const [endX, endY] = coords.at(-1) ?? [PLOT.right, y(0)];
    const points = coords.map(([cx, cy]) => `${px(cx)},${px(cy)}`).join(' ');
    return html`<g class="series ${style}" data-repo="${repo.key}">
<title>${repo.name}: ${formatCount(repo.value)} ${metric} (${formatDelta(gainOf(repo))} in this window)</title>
<polyline points="${points}"/><circle cx="${px(endX)}" cy="${px(endY)}" r="${style === 'muted' ? 1.6 : 3}"/></g>`;
  };
  const days = spreadIndexes(5, 5).map((index) => domain[0] + ((domain[1] - domain[0]) * index) / 4);
  return html`<svg class="chart popularity" viewBox="0 0 ${W} ${H}" role="img" aria-label="${metric} gained per repository">
${ticks.map((tick) => html`<line class="grid${tick === 0 ? ' zero' : ''}" x1="${PLOT.left}" x2="${PLOT.right}" y1="${px(y(tick))}" y2="${px(y(tick))}"/>
<text class="tick" x="${PLOT.left - 8}" y="${px(y(tick) + 4)}" text-anchor="end">${tick > 0 ? `+${formatCount(tick)}` : formatCount(tick)}</text>`)}
${ranked.slice(HIGHLIGHTED).map((repo) => line(repo, 'muted'))}
${highlighted.map((repo, index) => line(repo, `s${index}`))}
${highlighted.map((repo, index) => html`<text class="end-label s${index}" x="${PLOT.right + 6}" y="${px(labelYs[index]! + 4)}">${labelOf(repo)} ${formatDelta(gainOf(repo))}</text>`)}
${(domain[1] > domain[0] ? days : [domain[0]]).map((time) => html`<text class="tick" x="${px(x(time))}" y="${H - 24}" text-anchor="middle">${shortDay(new Date(time).toISOString())}</text>`)}
</svg>`;
}

/** A 96×22 sparkline of one repository's values over the window. */
export function sparklineSvg(values: readonly number[]): SafeHtml {
  const x = linearScale([0, Math.max(values.length - 1, 1)], [2, 94]);
  const y = linearScale([Math.min(...values), Math.max(...values)], [19, 3]);
  const coords = values.map((value, index) => `${px(x(index))},${px(y(value))}`);
  const last = coords.at(-1)?.split(',') ?? ['94', '11'];
  return html`<svg class="sparkline" viewBox="0 0 96 22" width="96" height="22" aria-hidden="true"><polyline points="${coords.join(' ')}"/><circle cx="${last[0]}" cy="${last[1]}" r="2"/></svg>`;
}
