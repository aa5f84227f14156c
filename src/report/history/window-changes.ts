import type { DeadRules } from '../../store/dead-rules.js';
import { deriveLinkState } from '../../store/derive-link-state.js';
import { evidenceOf } from '../../store/evidence.js';
import type { TimelinePoint } from '../../store/timeline-point.js';

/** What happened to one link during the window, if anything worth a line. */
export type WindowChange =
  | { kind: 'newly_dead'; at: Date; failedRuns: number }
  | { kind: 'recovered'; at: Date; failedRuns: number; wasConfirmedDead: boolean };

/**
 * Reads a link's whole timeline (oldest first) for the window's story: confirmed dead during it
 * (not already before it), or answering again during it after failing. A link can only be one of
 * the two, as it ends the window either alive or not.
 */
export function windowChange(url: string, points: readonly TimelinePoint[], since: Date, rules: DeadRules): WindowChange | undefined {
  const start = points.findIndex((point) => point.startedAt >= since);
  if (start === -1) return undefined;
  const stateAfter = (count: number) => deriveLinkState(url, points.slice(0, count), rules);
  const latest = points.at(-1)!;
  if (evidenceOf(latest) === 'alive') {
    const lastFailure = points.findLastIndex((point) => evidenceOf(point) === 'failure');
    if (lastFailure === -1) return undefined;
    const answeredAt = points.findIndex((point, index) => index > lastFailure && evidenceOf(point) === 'alive');
    if (answeredAt < start) return undefined;
    const before = stateAfter(answeredAt);
    return { kind: 'recovered', at: points[answeredAt]!.startedAt, failedRuns: before.consecutiveFailures, wasConfirmedDead: before.confirmedDead };
  }
  if (!stateAfter(points.length).confirmedDead || stateAfter(start).confirmedDead) return undefined;
  // The confirming run is the first in the window after which the link stands confirmed dead.
  for (let count = start + 1; count <= points.length; count++) {
    const state = stateAfter(count);
    if (state.confirmedDead) return { kind: 'newly_dead', at: points[count - 1]!.startedAt, failedRuns: state.consecutiveFailures };
  }
  return undefined;
}
