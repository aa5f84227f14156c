import type { Database } from 'better-sqlite3';
import { LinkmedicError } from '../errors.js';
import { recordedRunSchema, type ParsedRun } from './recorded-run-schema.js';
import type { RecordedRun } from './recorded-run.js';
import { githubRepoKey, huggingfaceRepoKey } from './repo-key.js';
import type { Statements } from './statements.js';

type ParsedResult = ParsedRun['results'][number];

const flag = (value: boolean): number => (value ? 1 : 0);

/**
 * Writes a whole run in one transaction and returns its id: a process killed half-way leaves no
 * trace of the run, and readers (WAL) keep seeing the earlier history throughout.
 */
export function recordRun(db: Database, statements: Statements, run: RecordedRun): number {
  const parsed = recordedRunSchema.safeParse(run);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LinkmedicError('INTERNAL', `recordRun got an invalid run: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return db.transaction(write).immediate(statements, parsed.data);
}

function write(statements: Statements, run: ParsedRun): number {
  const runId = Number(
    statements.insertRun.run(run.catalog, run.startedAt.getTime(), run.finishedAt.getTime(), flag(run.conclusive))
      .lastInsertRowid,
  );
  const snapshotted = new Set<string>();
  for (const result of run.results) {
    statements.insertUrl.run(result.url);
    const { id: urlId } = statements.urlId.get(result.url) as { id: number };
    const repoKey = snapshot(statements, runId, result, snapshotted);
    statements.insertResult.run(
      runId, urlId, result.verdict, result.reason, result.detail, result.httpStatus ?? null,
      result.finalUrl ?? null, result.suggestion?.url ?? null, result.suggestion?.kind ?? null, result.elapsedMs, repoKey,
    );
    for (const [seq, place] of result.occurrences.entries()) {
      statements.insertOccurrence.run(
        runId, urlId, seq, place.file, place.line, place.column, JSON.stringify(place.section),
        place.entry ?? null, place.tableColumn ?? null,
      );
    }
  }
  return runId;
}

/** Stores the result's repository facts once per run (the first URL to bring them wins); returns its key. */
function snapshot(statements: Statements, runId: number, result: ParsedResult, done: Set<string>): string | null {
  const { github, huggingface } = result;
  if (github) {
    const key = githubRepoKey(github.fullName);
    if (!done.has(key)) {
      statements.insertGithub.run(
        runId, key, github.databaseId, github.fullName, github.stars, github.forks, flag(github.archived),
        flag(github.disabled), flag(github.private), github.pushedAt, github.license, github.description,
      );
    }
    done.add(key);
    return key;
  }
  if (huggingface) {
    const key = huggingfaceRepoKey(huggingface.kind, huggingface.id);
    if (!done.has(key)) {
      statements.insertHuggingface.run(
        runId, key, huggingface.id, huggingface.kind, huggingface.likes, huggingface.downloads,
        String(huggingface.gated), flag(huggingface.disabled), flag(huggingface.private), huggingface.lastModified,
      );
    }
    done.add(key);
    return key;
  }
  return null;
}
