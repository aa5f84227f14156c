import type { DeadRules } from '../dead-rules.js';
import { deriveLinkState } from '../derive-link-state.js';
import { evidenceOf } from '../evidence.js';
import { RECENT_RESULTS, type LinkState } from '../link-state.js';
import type { SqlExecutor } from '../sql/sql-driver.js';
import { SQL, untilParams } from '../statements.js';
import type { TimelinePoint } from '../timeline-point.js';
import { toTimelinePoint, type TimelineRow } from './link-timeline.js';
import { NO_BOUND, type RunBound } from './run-bound.js';

/** Each URL's state from its history in the catalog, as it stood after run `until`. */
export async function linkStates(
  tx: SqlExecutor,
  catalog: string,
  urls: Iterable<string>,
  rules: DeadRules,
  until: RunBound = NO_BOUND,
): Promise<Map<string, LinkState>> {
  const states = new Map<string, LinkState>();
  for (const url of urls) states.set(url, deriveLinkState(url, await historyTail(tx, catalog, url, until), rules));
  return states;
}

/**
 * The part of a URL's history its state depends on, oldest first: back to its latest alive result
 * (which ends any streak before it and is its last-alive time), and at least `RECENT_RESULTS`.
 * Reading newest first in pages and stopping there keeps a year of nightly history from costing a
 * year of rows.
 */
async function historyTail(tx: SqlExecutor, catalog: string, url: string, until: RunBound): Promise<TimelinePoint[]> {
  const tail: TimelinePoint[] = [];
  let sawAlive = false;
  for (let page = RECENT_RESULTS; ; page *= 4) {
    const rows = await tx.all<TimelineRow>(SQL.urlTimelineDesc, [url, catalog, ...untilParams(until), page, tail.length]);
    for (const row of rows) {
      const point = toTimelinePoint(row);
      tail.push(point);
      sawAlive ||= evidenceOf(point) === 'alive';
      if (sawAlive && tail.length >= RECENT_RESULTS) return tail.reverse();
    }
    if (rows.length < page) return tail.reverse();
  }
}
