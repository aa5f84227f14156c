import { availabilityShare } from './availability-share.js';
import type { ChangedLink, HistoryLink, HistoryReport, TimelineEntry } from './history-report.js';
import { NO_PAINT, paintTone, type Paint } from './paint.js';
import { PROBLEM_GROUPS, toneOf, type VerdictTone } from './problem-groups.js';
import { countOf, formatCount, formatDay, formatDelta, formatMinute, formatShare, sparkline } from './text-format.js';

const TONE_MARK: Record<VerdictTone, string> = { ok: '✓', moved: '↪', human: '?', failing: '✗', skipped: '·' };

/** A link's verdicts over the window, one character per run: ✓ alive, ↪ moved, ? needs a human, ✗ failing, · not judged. */
export function timelineStrip(timeline: readonly TimelineEntry[], paint: Paint = NO_PAINT): string {
  return timeline
    .map((point) => {
      const tone = point.inconclusive ? 'skipped' : toneOf(point.verdict);
      return paintTone(paint, tone)(TONE_MARK[tone]);
    })
    .join('');
}

function where(link: { places: HistoryLink['places'] }): string {
  const [first] = link.places;
  if (!first) return '';
  const more = link.places.length > 1 ? ` (+${link.places.length - 1} more)` : '';
  return `${first.file}:${first.line}${first.entry ? `  ${first.entry}` : ''}${more}`;
}

function streak({ history }: HistoryLink): string {
  if (history.confirmedDead) return `, confirmed dead, failing ${history.consecutiveFailures} runs since ${formatDay(history.firstFailedAt!)}`;
  if (history.consecutiveFailures > 0) return `, failing ${history.consecutiveFailures} run${history.consecutiveFailures === 1 ? '' : 's'}`;
  return '';
}

function linkLines(link: HistoryLink, paint: Paint): string[] {
  const tone = paintTone(paint, toneOf(link.verdict));
  const lines = [
    `  ${where(link)}`,
    `    ${link.url}`,
    `    ${tone(link.verdict)} (${link.reason}${streak(link)})  ${timelineStrip(link.timeline, paint)}`,
  ];
  if (link.suggestion) lines.push(`    suggestion (${link.suggestion.kind}): ${link.suggestion.url}`);
  return lines;
}

const changeLine = (change: ChangedLink, note: string): string =>
  `  ${formatDay(change.at)}  ${change.entry ? `${change.entry}  ` : ''}${change.url}  (${note})`;

/** `linkmedic report` as text: availability, what changed, the problems with their timelines, stars and likes. */
export function renderHistoryText(report: HistoryReport, paint: Paint = NO_PAINT): string {
  const { latestRun } = report;
  const out = [
    paint.bold(`linkmedic report: ${report.catalog}`),
    `${countOf(report.runCount, 'run')} since ${formatDay(report.since)}; latest ${formatMinute(latestRun.startedAt)}, ${countOf(latestRun.urlCount, 'link')}${latestRun.conclusive ? '' : ', inconclusive (linkmedic was offline)'}.`,
    '',
  ];
  const shares = report.availability.filter((point) => point.conclusive).map((point) => availabilityShare(point.counts).share ?? 1);
  if (shares.length > 0) {
    out.push(`Availability  ${sparkline(shares)}  ${formatShare(shares.at(-1)!)} of checked links answer (first run in the window: ${formatShare(shares[0]!)})`, '');
  }
  if (report.newlyDead.length > 0) {
    out.push(paint.bold(`Newly dead (${report.newlyDead.length}):`), ...report.newlyDead.map((change) => changeLine(change, `${change.reason}, confirmed after ${change.failedRuns} failing runs`)), '');
  }
  if (report.recovered.length > 0) {
    const note = (change: ChangedLink) => `${change.wasConfirmedDead ? 'had been confirmed dead' : `after ${change.failedRuns} failing run${change.failedRuns === 1 ? '' : 's'}`}`;
    out.push(paint.bold(`Recovered (${report.recovered.length}):`), ...report.recovered.map((change) => changeLine(change, note(change))), '');
  }
  for (const group of PROBLEM_GROUPS) {
    const links = report.links.filter((link) => group.verdicts.includes(link.verdict));
    if (links.length > 0) out.push(paint.bold(`${group.title} (${links.length}):`), ...links.flatMap((link) => linkLines(link, paint)), '');
  }
  if (report.sections.length > 0) {
    out.push(paint.bold('Stars and likes (change over 7 and 30 days):'));
    for (const { section, repos } of report.sections) {
      out.push(`  ${section || '(top of the catalog)'}`);
      const width = Math.max(...repos.map((repo) => (repo.entry ?? repo.name).length));
      for (const repo of repos) {
        const deltas = [repo.delta7d, repo.delta30d].map((delta) => (delta === undefined ? '' : formatDelta(delta))).map((text, i) => (text ? `${text} ${i ? '30d' : '7d'}` : ''));
        const values = repo.series.map((point) => point.value);
        out.push(`    ${(repo.entry ?? repo.name).padEnd(width)}  ${formatCount(repo.value).padStart(7)} ${repo.metric.padEnd(5)}  ${deltas[0]!.padEnd(11)} ${deltas[1]!.padEnd(12)} ${values.length > 1 ? sparkline(values) : ''}`.trimEnd());
      }
    }
    out.push('');
  }
  if (!latestRun.conclusive) out.push(paint.yellow('The latest run judged no link: linkmedic could not reach the network. Run linkmedic check where it can.'), '');
  else if (report.links.length === 0 && report.newlyDead.length === 0) out.push(paint.green('No link needs attention.'), '');
  return `${out.join('\n').trimEnd()}\n`;
}
