import type { SqlExecutor } from '../sql/sql-driver.js';
import { SQL } from '../statements.js';
import { toRunSummary, type RunRow, type RunSummary } from './run-summary.js';

/** The catalog's last `limit` runs, newest first. */
export async function latestRuns(tx: SqlExecutor, catalog: string, limit: number): Promise<RunSummary[]> {
  return (await tx.all<RunRow>(SQL.latestRuns, [catalog, limit])).map(toRunSummary);
}
