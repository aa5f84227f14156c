import type { Verdict } from '../check/verdict.js';

/** One URL's result in one run, as history tells it. */
export interface TimelinePoint {
  runId: number;
  startedAt: Date;
  finishedAt: Date;
  /** The run's own health: false when the checker was cut off (see `RecordedRun.conclusive`). */
  conclusive: boolean;
  verdict: Verdict;
  reason: string;
  httpStatus?: number;
}
