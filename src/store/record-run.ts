import type { Database } from 'better-sqlite3';
import { LinkmedicError } from '../errors.js';
import { recordedRunSchema, type ParsedRun } from './recorded-run-schema.js';
import type { RecordedRun } from './recorded-run.js';
import { githubRepoKey, huggingfaceRepoKey } from './repo-key.js';
import type { Statements } from './statements.js';

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
  for (const result of run.results) {
    statements.insertUrl.run(result.url);
    const { id: urlId } = statements.urlId.get(result.url) as { id: number };
    statements.insertResult.run(
      runId, urlId, result.verdict, result.reason, result.detail, result.httpStatus ?? null,
      result.finalUrl ?? null, result.suggestion?.url ?? null, result.suggestion?.kind ?? null, result.elapsedMs,
    );
    for (const [seq, place] of result.occurrences.entries()) {
      statements.insertOccurrence.run(
        runId, urlId, seq, place.file, place.line, place.column, JSON.stringify(place.section),
        place.entry ?? null, place.tableColumn ?? null,
      );
    }
  }
  for (const repo of run.github) {
    statements.insertGithub.run(
      runId, githubRepoKey(repo.fullName), repo.databaseId, repo.fullName, repo.stars, repo.forks,
      flag(repo.archived), flag(repo.disabled), flag(repo.private), repo.pushedAt, repo.license, repo.description,
    );
  }
  for (const repo of run.huggingface) {
    statements.insertHuggingface.run(
      runId, huggingfaceRepoKey(repo.kind, repo.id), repo.id, repo.kind, repo.likes, repo.downloads,
      String(repo.gated), flag(repo.disabled), flag(repo.private), repo.lastModified,
    );
  }
  return runId;
}
