import type { Verdict } from '../../check/verdict.js';
import type { SqlExecutor } from '../sql/sql-driver.js';
import { SQL, untilParams } from '../statements.js';
import type { TimelinePoint } from '../timeline-point.js';
import { NO_BOUND, type RunBound } from './run-bound.js';

export interface TimelineRow {
  id: number;
  started_at: number;
  finished_at: number;
  conclusive: number;
  verdict: Verdict;
  reason: string;
  http_status: number | null;
}

export const toTimelinePoint = (row: TimelineRow): TimelinePoint => ({
  runId: row.id,
  startedAt: new Date(row.started_at),
  finishedAt: new Date(row.finished_at),
  conclusive: row.conclusive === 1,
  verdict: row.verdict,
  reason: row.reason,
  ...(row.http_status === null ? {} : { httpStatus: row.http_status }),
});

/** A URL's verdict in every run of the catalog since `since` (up to `until`), oldest first. */
export async function linkTimeline(
  tx: SqlExecutor,
  catalog: string,
  url: string,
  { since, until = NO_BOUND }: { since?: Date; until?: RunBound } = {},
): Promise<TimelinePoint[]> {
  const rows = await tx.all<TimelineRow>(SQL.urlTimeline, [url, catalog, since?.getTime() ?? 0, ...untilParams(until)]);
  return rows.map(toTimelinePoint);
}
