import type { DeadRules } from './dead-rules.js';
import { evidenceOf } from './evidence.js';
import { RECENT_RESULTS, type LinkState } from './link-state.js';
import type { TimelinePoint } from './timeline-point.js';

const HOUR_MS = 3_600_000;

/**
 * Walks a URL's results (oldest first) and keeps the current failure streak; see `Evidence` for
 * what each result does to it. The span is measured from the start of the first failing run to
 * the end of the last: a check happens somewhere inside its run, and nightly cron start times
 * jitter by seconds, which must not push "3 runs over 48 h" to a fourth night.
 */
export function deriveLinkState(url: string, points: readonly TimelinePoint[], rules: DeadRules): LinkState {
  let streak: TimelinePoint[] = [];
  let lastAliveAt: Date | undefined;
  for (const point of points) {
    const evidence = evidenceOf(point);
    if (evidence === 'alive') lastAliveAt = point.startedAt;
    if (evidence === 'alive' || evidence === 'exists') streak = [];
    if (evidence === 'failure') streak.push(point);
  }
  const hard = streak.filter((point) => rules.hard.reasons.includes(point.reason));
  const last = points.at(-1);
  return {
    url,
    consecutiveFailures: streak.length,
    firstFailedAt: streak[0]?.startedAt,
    lastAliveAt,
    lastVerdict: last?.verdict,
    lastReason: last?.reason,
    recent: points.slice(-RECENT_RESULTS),
    confirmedDead: spans(streak, rules.runs, rules.hours) || spans(hard, rules.hard.runs, rules.hard.hours),
  };
}

function spans(failures: readonly TimelinePoint[], runs: number, hours: number): boolean {
  const first = failures[0];
  const last = failures.at(-1);
  if (!first || !last || failures.length < runs) return false;
  return last.finishedAt.getTime() - first.startedAt.getTime() >= hours * HOUR_MS;
}
