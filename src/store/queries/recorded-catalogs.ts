import type { SqlExecutor } from '../sql/sql-driver.js';
import { SQL } from '../statements.js';

/** A catalog the database holds runs of: what `linkmedic report --catalog KEY` can pick. */
export interface RecordedCatalog {
  catalog: string;
  runs: number;
  lastRunAt: Date;
}

/** Every catalog with at least one run, the most recently checked first. */
export async function recordedCatalogs(tx: SqlExecutor): Promise<RecordedCatalog[]> {
  const rows = await tx.all<{ catalog: string; runs: number; last_started_at: number }>(SQL.recordedCatalogs);
  return rows.map((row) => ({ catalog: row.catalog, runs: row.runs, lastRunAt: new Date(row.last_started_at) }));
}
