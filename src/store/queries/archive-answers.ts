import { insertRows, selectIn } from '../sql/insert-rows.js';
import type { SqlExecutor } from '../sql/sql-driver.js';

/** The Wayback Machine's answer about a URL, as remembered: a capture's address, or none. */
export interface ArchiveAnswer {
  url: string;
  checkedAt: Date;
  /** Absent when the API said it has no usable capture. */
  snapshotUrl?: string;
}

interface AnswerRow { url: string; checked_at: number; snapshot_url: string | null }

/** The answers given at or after `since` for any of `urls`. */
export async function archiveAnswers(tx: SqlExecutor, urls: readonly string[], since: Date): Promise<Map<string, ArchiveAnswer>> {
  const rows = await selectIn<AnswerRow>(tx, 'SELECT url, checked_at, snapshot_url FROM archive_lookups WHERE checked_at >= ? AND url', urls, [since.getTime()]);
  return new Map(rows.map((row) => [row.url, { url: row.url, checkedAt: new Date(row.checked_at), ...(row.snapshot_url !== null && { snapshotUrl: row.snapshot_url }) }]));
}

/** Keeps `answers` (replacing older ones for the same URLs) and forgets every answer older than `forgetBefore`. */
export async function rememberArchiveAnswers(tx: SqlExecutor, answers: readonly ArchiveAnswer[], forgetBefore: Date): Promise<void> {
  await tx.run('DELETE FROM archive_lookups WHERE checked_at < ?', [forgetBefore.getTime()]);
  const latest = new Map(answers.map((answer) => [answer.url, answer]));
  await insertRows(
    tx,
    'archive_lookups',
    ['url', 'checked_at', 'snapshot_url'],
    [...latest.values()].map((answer) => [answer.url, answer.checkedAt.getTime(), answer.snapshotUrl ?? null]),
    'ON CONFLICT (url) DO UPDATE SET checked_at = excluded.checked_at, snapshot_url = excluded.snapshot_url',
  );
}
