import type { SqlExecutor } from '../sql/sql-driver.js';
import { SQL } from '../statements.js';
import { toRunSummary, type RunRow, type RunSummary } from './run-summary.js';

/** The catalog's runs that started at or after `since`, oldest first. */
export async function runsSince(tx: SqlExecutor, catalog: string, since: Date): Promise<RunSummary[]> {
  return (await tx.all<RunRow>(SQL.runsSince, [catalog, since.getTime()])).map(toRunSummary);
}
