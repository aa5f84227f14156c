import type { CheckOutcome } from '../../check/check-outcome.js';
import type { Suggestion } from '../../check/check-result.js';
import type { Verdict } from '../../check/verdict.js';
import type { OccurrencePlace } from '../recorded-run.js';
import type { SqlExecutor } from '../sql/sql-driver.js';
import { SQL } from '../statements.js';

/** A result as history kept it: enough for `linkmedic report` to list a past run without re-checking. */
export interface StoredResult extends CheckOutcome {
  elapsedMs: number;
  /** The repository snapshot the URL pointed at (`github:…`, `huggingface:…`), for its stars or likes. */
  repoKey?: string;
  occurrences: OccurrencePlace[];
}

interface ResultRow {
  url_id: number;
  url: string;
  verdict: Verdict;
  reason: string;
  detail: string;
  http_status: number | null;
  final_url: string | null;
  suggestion_url: string | null;
  suggestion_kind: Suggestion['kind'] | null;
  elapsed_ms: number;
  repo_key: string | null;
}

interface OccurrenceRow {
  url_id: number;
  file: string;
  line_no: number;
  column_no: number;
  section: string;
  entry: string | null;
  table_column: string | null;
}

const toOccurrencePlace = (row: OccurrenceRow): OccurrencePlace => ({
  file: row.file,
  line: row.line_no,
  column: row.column_no,
  section: JSON.parse(row.section) as string[],
  ...(row.entry === null ? {} : { entry: row.entry }),
  ...(row.table_column === null ? {} : { tableColumn: row.table_column }),
});

/** Every URL's result in one run, sorted by URL, with the places it was written. */
export async function runResults(tx: SqlExecutor, runId: number): Promise<StoredResult[]> {
  const places = new Map<number, OccurrencePlace[]>();
  for (const row of await tx.all<OccurrenceRow>(SQL.runOccurrences, [runId])) {
    const list = places.get(row.url_id) ?? [];
    list.push(toOccurrencePlace(row));
    places.set(row.url_id, list);
  }
  return (await tx.all<ResultRow>(SQL.runResults, [runId])).map((row) => ({
    url: row.url,
    verdict: row.verdict,
    reason: row.reason,
    detail: row.detail,
    ...(row.http_status === null ? {} : { httpStatus: row.http_status }),
    ...(row.final_url === null ? {} : { finalUrl: row.final_url }),
    ...(row.suggestion_url === null || row.suggestion_kind === null ? {} : { suggestion: { url: row.suggestion_url, kind: row.suggestion_kind } }),
    elapsedMs: row.elapsed_ms,
    ...(row.repo_key === null ? {} : { repoKey: row.repo_key }),
    occurrences: places.get(row.url_id) ?? [],
  }));
}
