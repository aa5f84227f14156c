import { availabilityShare } from '../availability-share.js';
import type { AvailabilityPoint } from '../history-report.js';
import { formatCount, formatMinute, formatShare } from '../text-format.js';
import { linearScale, niceTicks, px, shortDay, spreadIndexes } from './chart-scale.js';
import { html, type SafeHtml } from './html.js';

const W = 960;
const LEFT = 52;
const RIGHT = 20;
const LINE = { top: 30, bottom: 180 };
const BARS = { top: 216, bottom: 276 };
const AXIS_Y = 296;

function tooltip(point: AvailabilityPoint): string {
  const tones = availabilityShare(point.counts);
  const when = formatMinute(point.startedAt);
  if (!point.conclusive) return `${when}: inconclusive, linkmedic was offline; nothing judged`;
  const parts = [`${formatCount(tones.ok)} alive`, `${formatCount(tones.moved)} moved`, `${formatCount(tones.human)} need a human`, `${formatCount(tones.failing)} failing`, `${formatCount(tones.skipped)} not checked`];
  return `${when}: ${tones.share === undefined ? 'nothing judged' : `${formatShare(tones.share)} answer`} (${parts.join(', ')})`;
}

/** The latest share, written beside its point: the number a reader looks for first. */
function lastShare(points: readonly AvailabilityPoint[], tones: readonly ReturnType<typeof availabilityShare>[], x: (v: number) => number, y: (v: number) => number, times: readonly number[]) {
  const index = points.findLastIndex((point, i) => point.conclusive && tones[i]!.share !== undefined);
  if (index === -1) return '';
  const share = tones[index]!.share!;
  return html`<text class="last-share" x="${px(x(times[index]!))}" y="${px(y(share * 100) - 10)}" text-anchor="middle">${formatShare(share)}</text>`;
}

/**
 * The availability timeline: per run, the share of checked links that answer (a line, one point
 * per conclusive run) over the count of problems by kind (stacked bars). Runs made while linkmedic
 * was offline are shaded and break the line, since they say nothing about the links.
 */
export function availabilityChart(points: readonly AvailabilityPoint[]): SafeHtml {
  const times = points.map((point) => Date.parse(point.startedAt));
  const x = linearScale([Math.min(...times), Math.max(...times)], [LEFT + 16, W - RIGHT - 16]);
  const tones = points.map((point) => availabilityShare(point.counts));
  const shares = points.flatMap((point, index) => (point.conclusive && tones[index]!.share !== undefined ? [tones[index]!.share! * 100] : []));
  const floor = Math.max(0, Math.min(90, Math.floor((Math.min(100, ...shares) - 1) / 5) * 5));
  const yTicks = niceTicks(floor, 100, 4);
  const y = linearScale([yTicks[0]!, 100], [LINE.bottom, LINE.top]);
  const maxProblems = Math.max(4, ...points.map((point, index) => (point.conclusive ? tones[index]!.failing + tones[index]!.human + tones[index]!.moved : 0)));
  const barTicks = niceTicks(0, maxProblems, 2);
  const yBars = linearScale([0, Math.max(maxProblems, barTicks.at(-1)!)], [BARS.bottom, BARS.top]);
  const column = Math.min(26, ((W - LEFT - RIGHT) / Math.max(points.length, 1)) * 0.62);

  let path = '';
  let pen = false;
  points.forEach((point, index) => {
    const share = tones[index]!.share;
    if (!point.conclusive || share === undefined) return void (pen = false);
    path += `${pen ? 'L' : 'M'}${px(x(times[index]!))},${px(y(share * 100))}`;
    pen = true;
  });

  const runs = points.map((point, index) => {
    const cx = x(times[index]!);
    const tone = tones[index]!;
    let base = BARS.bottom;
    const bars = point.conclusive
      ? (['failing', 'human', 'moved'] as const).map((name) => {
          const height = BARS.bottom - yBars(tone[name]);
          const top = base - height;
          base = top;
          return tone[name] > 0 ? html`<rect class="bar tone-${name}" x="${px(cx - column / 2)}" y="${px(top)}" width="${px(column)}" height="${px(height)}"/>` : '';
        })
      : '';
    return html`<g class="run" data-run-id="${point.runId}"><title>${tooltip(point)}</title>
<rect class="hover" x="${px(cx - column / 2 - 3)}" y="${LINE.top - 6}" width="${px(column + 6)}" height="${BARS.bottom - LINE.top + 6}"/>
${point.conclusive && tone.share !== undefined
  ? html`<circle class="point" cx="${px(cx)}" cy="${px(y(tone.share * 100))}" r="4"/>`
  : html`<rect class="offline" x="${px(cx - column / 2)}" y="${LINE.top}" width="${px(column)}" height="${BARS.bottom - LINE.top}"/>`}${bars}</g>`;
  });

  const labels = spreadIndexes(points.length, 8);
  return html`<svg class="chart availability" viewBox="0 0 ${W} ${AXIS_Y + 8}" role="img" aria-label="Share of links that answer, per run">
<defs><pattern id="offline-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-bg"/><line x1="0" y1="0" x2="0" y2="6" class="hatch"/></pattern></defs>
${yTicks.map((tick) => html`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${px(y(tick))}" y2="${px(y(tick))}"/><text class="tick" x="${LEFT - 8}" y="${px(y(tick) + 4)}" text-anchor="end">${tick}%</text>`)}
<text class="axis-title" x="${LEFT - 44}" y="${LINE.top - 16}">Links that answer</text>
${barTicks.map((tick) => html`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${px(yBars(tick))}" y2="${px(yBars(tick))}"/><text class="tick" x="${LEFT - 8}" y="${px(yBars(tick) + 4)}" text-anchor="end">${tick}</text>`)}
<text class="axis-title" x="${LEFT - 44}" y="${BARS.top - 12}">Problems per run</text>
<path class="share-line" d="${path}"/>
${lastShare(points, tones, x, y, times)}
${runs}
${labels.map((index) => html`<text class="tick" x="${px(x(times[index]!))}" y="${AXIS_Y}" text-anchor="middle">${shortDay(points[index]!.startedAt)}</text>`)}
</svg>`;
}
