import { LinkmedicError } from '../errors.js';
import { recordedRunSchema, type ParsedRun } from './recorded-run-schema.js';
import type { RecordedRun } from './recorded-run.js';
import { githubRepoKey, huggingfaceRepoKey } from './repo-key.js';
import { insertRows, selectIn } from './sql/insert-rows.js';
import type { SqlDriver, SqlExecutor, SqlParam } from './sql/sql-driver.js';
import { SQL } from './statements.js';

type ParsedResult = ParsedRun['results'][number];

const flag = (value: boolean): number => (value ? 1 : 0);

const RESULT_COLUMNS = ['run_id', 'url_id', 'verdict', 'reason', 'detail', 'http_status', 'final_url', 'suggestion_url', 'suggestion_kind', 'elapsed_ms', 'repo_key'];
const OCCURRENCE_COLUMNS = ['run_id', 'url_id', 'seq', 'file', 'line_no', 'column_no', 'section', 'entry', 'table_column'];
const GITHUB_COLUMNS = ['run_id', 'repo_key', 'database_id', 'full_name', 'stars', 'forks', 'archived', 'disabled', 'private', 'pushed_at', 'license', 'description'];
const HUGGINGFACE_COLUMNS = ['run_id', 'repo_key', 'hf_id', 'kind', 'likes', 'downloads', 'gated', 'disabled', 'private', 'last_modified'];

/**
 * Writes a whole run in one transaction and returns its id: a process killed half-way leaves no
 * trace of the run, and readers keep seeing the earlier history throughout.
 */
export async function recordRun(driver: SqlDriver, run: RecordedRun, within?: RecordedWithin): Promise<number> {
  const parsed = recordedRunSchema.safeParse(run);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LinkmedicError('INTERNAL', `recordRun got an invalid run: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return driver.transaction(async (tx) => {
    const runId = await write(tx, parsed.data);
    await within?.(tx, runId);
    return runId;
  });
}

/** Written in the run's own transaction, with its id: what must exist exactly when the run does. */
export type RecordedWithin = (tx: SqlExecutor, runId: number) => Promise<void>;

async function write(tx: SqlExecutor, run: ParsedRun): Promise<number> {
  const inserted = await tx.get<{ id: number }>(SQL.insertRun, [run.catalog, run.startedAt.getTime(), run.finishedAt.getTime(), flag(run.conclusive)]);
  const runId = inserted!.id;
  const urls = [...new Set(run.results.map((result) => result.url))];
  await insertRows(tx, 'urls', ['url'], urls.map((url) => [url]), 'ON CONFLICT (url) DO NOTHING');
  const urlIds = new Map((await selectIn<{ id: number; url: string }>(tx, 'SELECT id, url FROM urls WHERE url', urls)).map((row) => [row.url, row.id]));

  const results: SqlParam[][] = [];
  const occurrences: SqlParam[][] = [];
  const github: SqlParam[][] = [];
  const huggingface: SqlParam[][] = [];
  const snapshotted = new Set<string>();
  for (const result of run.results) {
    const urlId = urlIds.get(result.url)!;
    const repoKey = snapshot(runId, result, snapshotted, github, huggingface);
    results.push([
      runId, urlId, result.verdict, result.reason, result.detail, result.httpStatus ?? null,
      result.finalUrl ?? null, result.suggestion?.url ?? null, result.suggestion?.kind ?? null, result.elapsedMs, repoKey,
    ]);
    for (const [seq, place] of result.occurrences.entries()) {
      occurrences.push([runId, urlId, seq, place.file, place.line, place.column, JSON.stringify(place.section), place.entry ?? null, place.tableColumn ?? null]);
    }
  }
  await insertRows(tx, 'results', RESULT_COLUMNS, results);
  await insertRows(tx, 'occurrences', OCCURRENCE_COLUMNS, occurrences);
  await insertRows(tx, 'github_snapshots', GITHUB_COLUMNS, github);
  await insertRows(tx, 'huggingface_snapshots', HUGGINGFACE_COLUMNS, huggingface);
  return runId;
}

/** Collects the result's repository facts once per run (the first URL to bring them wins); returns its key. */
function snapshot(runId: number, result: ParsedResult, done: Set<string>, github: SqlParam[][], huggingface: SqlParam[][]): string | null {
  if (result.github) {
    const facts = result.github;
    const key = githubRepoKey(facts.fullName);
    if (!done.has(key)) {
      github.push([
        runId, key, facts.databaseId, facts.fullName, facts.stars, facts.forks, flag(facts.archived),
        flag(facts.disabled), flag(facts.private), facts.pushedAt, facts.license, facts.description,
      ]);
    }
    done.add(key);
    return key;
  }
  if (result.huggingface) {
    const facts = result.huggingface;
    const key = huggingfaceRepoKey(facts.kind, facts.id);
    if (!done.has(key)) {
      huggingface.push([
        runId, key, facts.id, facts.kind, facts.likes, facts.downloads,
        String(facts.gated), flag(facts.disabled), flag(facts.private), facts.lastModified,
      ]);
    }
    done.add(key);
    return key;
  }
  return null;
}
