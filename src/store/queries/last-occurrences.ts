import type { OccurrencePlace } from '../recorded-run.js';
import type { Statements } from '../statements.js';
import { toOccurrencePlace } from './run-results.js';

/** Where a URL was written the last time a run of the catalog saw it. */
export interface LastOccurrences {
  runId: number;
  startedAt: Date;
  places: OccurrencePlace[];
}


/** Answers "where was this link?" even after it left the catalog; undefined if history never saw it. */
export function lastOccurrences(statements: Statements, catalog: string, url: string): LastOccurrences | undefined {
  const run = statements.latestRunWithUrl.get(url, catalog) as { id: number; started_at: number; url_id: number } | undefined;
  if (!run) return undefined;
  const rows = statements.occurrences.all(run.id, run.url_id) as Parameters<typeof toOccurrencePlace>[0][];
  return { runId: run.id, startedAt: new Date(run.started_at), places: rows.map(toOccurrencePlace) };
}
