import type { TimelineEntry } from '../history-report.js';
import { toneOf } from '../problem-groups.js';
import { formatMinute } from '../text-format.js';
import { html, type SafeHtml } from './html.js';

const CELL = 9;
const GAP = 2;

/** A link's verdict in each run of the window, one coloured cell per run, oldest on the left. */
export function verdictStrip(timeline: readonly TimelineEntry[]): SafeHtml {
  const width = Math.max(timeline.length * (CELL + GAP) - GAP, CELL);
  const cells = timeline.map((point, index) => {
    const tone = point.inconclusive ? 'skipped' : toneOf(point.verdict);
    const note = point.inconclusive ? ' (linkmedic was offline)' : '';
    return html`<rect class="cell tone-${tone}" x="${index * (CELL + GAP)}" y="0" width="${CELL}" height="16" rx="1.5"><title>${formatMinute(point.startedAt)}: ${point.verdict} (${point.reason})${note}</title></rect>`;
  });
  return html`<svg class="strip" viewBox="0 0 ${width} 16" width="${width}" height="16" role="img" aria-label="verdict per run">${cells}</svg>`;
}
