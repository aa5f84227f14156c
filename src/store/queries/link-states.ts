import type { DeadRules } from '../dead-rules.js';
import { deriveLinkState } from '../derive-link-state.js';
import { evidenceOf } from '../evidence.js';
import { RECENT_RESULTS, type LinkState } from '../link-state.js';
import type { Statements } from '../statements.js';
import type { TimelinePoint } from '../timeline-point.js';
import { toTimelinePoint, type TimelineRow } from './link-timeline.js';
import { NO_BOUND, type RunBound } from './run-bound.js';

/** Each URL's state from its history in the catalog, as it stood after run `until`. */
export function linkStates(
  statements: Statements,
  catalog: string,
  urls: Iterable<string>,
  rules: DeadRules,
  until: RunBound = NO_BOUND,
): Map<string, LinkState> {
  const states = new Map<string, LinkState>();
  for (const url of urls) states.set(url, deriveLinkState(url, historyTail(statements, catalog, url, until), rules));
  return states;
}

/**
 * The part of a URL's history its state depends on, oldest first: back to its latest alive result
 * (which ends any streak before it and is its last-alive time), and at least `RECENT_RESULTS`.
 * Reading newest first and stopping there keeps a year of nightly history from costing a year of rows.
 */
function historyTail(statements: Statements, catalog: string, url: string, until: RunBound): TimelinePoint[] {
  const rows = statements.urlTimelineDesc.iterate({ url, catalog, untilStartedAt: until.startedAt, untilId: until.id });
  const tail: TimelinePoint[] = [];
  let sawAlive = false;
  for (const row of rows as IterableIterator<TimelineRow>) {
    const point = toTimelinePoint(row);
    tail.push(point);
    sawAlive ||= evidenceOf(point) === 'alive';
    if (sawAlive && tail.length >= RECENT_RESULTS) break;
  }
  return tail.reverse();
}
