import type { Statements } from '../statements.js';

/** A catalog the database holds runs of: what `linkmedic report --catalog KEY` can pick. */
export interface RecordedCatalog {
  catalog: string;
  runs: number;
  lastRunAt: Date;
}

/** Every catalog with at least one run, the most recently checked first. */
export function recordedCatalogs(statements: Statements): RecordedCatalog[] {
  const rows = statements.recordedCatalogs.all() as { catalog: string; runs: number; last_started_at: number }[];
  return rows.map((row) => ({ catalog: row.catalog, runs: row.runs, lastRunAt: new Date(row.last_started_at) }));
}
