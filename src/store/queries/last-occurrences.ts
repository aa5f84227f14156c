import type { OccurrencePlace } from '../recorded-run.js';
import type { Statements } from '../statements.js';

/** Where a URL was written the last time a run of the catalog saw it. */
export interface LastOccurrences {
  runId: number;
  startedAt: Date;
  places: OccurrencePlace[];
}

interface OccurrenceRow {
  file: string;
  line_no: number;
  column_no: number;
  section: string;
  entry: string | null;
  table_column: string | null;
}

/** Answers "where was this link?" even after it left the catalog; undefined if history never saw it. */
export function lastOccurrences(statements: Statements, catalog: string, url: string): LastOccurrences | undefined {
  const run = statements.latestRunWithUrl.get(url, catalog) as { id: number; started_at: number; url_id: number } | undefined;
  if (!run) return undefined;
  const rows = statements.occurrences.all(run.id, run.url_id) as OccurrenceRow[];
  return {
    runId: run.id,
    startedAt: new Date(run.started_at),
    places: rows.map((row) => ({
      file: row.file,
      line: row.line_no,
      column: row.column_no,
      section: JSON.parse(row.section) as string[],
      ...(row.entry === null ? {} : { entry: row.entry }),
      ...(row.table_column === null ? {} : { tableColumn: row.table_column }),
    })),
  };
}
