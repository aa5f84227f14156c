import type { Statements } from '../statements.js';
import { toRunSummary, type RunRow, type RunSummary } from './run-summary.js';

/** The catalog's last `limit` runs, newest first. */
export function latestRuns(statements: Statements, catalog: string, limit: number): RunSummary[] {
  return (statements.latestRuns.all(catalog, limit) as RunRow[]).map(toRunSummary);
}
