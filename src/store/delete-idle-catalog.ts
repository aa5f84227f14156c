import type { SqlExecutor } from './sql/sql-driver.js';

/** What deleting a catalog's history removed. */
export interface DeletedHistory {
  runs: number;
  /** URLs no other catalog's run refers to any more. */
  urls: number;
}

/**
 * Deletes the whole history of `catalog` (its runs; results, places and snapshots go with them;
 * URLs no other run refers to) if it has had no run since `idleSince`; otherwise deletes nothing
 * and resolves to undefined. Run it in a write transaction: a run being recorded meanwhile is
 * then either seen (nothing is deleted) or recorded after the deletion, and kept.
 */
export async function deleteIdleCatalog(tx: SqlExecutor, catalog: string, idleSince: Date): Promise<DeletedHistory | undefined> {
  const since = idleSince.getTime();
  if (await tx.get('SELECT id FROM runs WHERE catalog = ? AND started_at >= ? LIMIT 1', [catalog, since])) return undefined;
  const urlIds = (await tx.all<{ url_id: number }>(
    'SELECT DISTINCT res.url_id FROM runs JOIN results res ON res.run_id = runs.id WHERE runs.catalog = ?',
    [catalog],
  )).map((row) => row.url_id);
  // Only runs from before `idleSince`: all of them, as checked above within this transaction.
  const runs = await tx.run('DELETE FROM runs WHERE catalog = ? AND started_at < ?', [catalog, since]);
  return { runs, urls: await deleteUnreferencedUrls(tx, urlIds) };
}

/** Rows per statement, as in insert-rows.ts. */
const IDS_PER_STATEMENT = 200;

async function deleteUnreferencedUrls(tx: SqlExecutor, ids: readonly number[]): Promise<number> {
  let deleted = 0;
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    const chunk = ids.slice(start, start + IDS_PER_STATEMENT);
    deleted += await tx.run(
      `DELETE FROM urls WHERE id IN (${chunk.map(() => '?').join(', ')}) AND NOT EXISTS (SELECT 1 FROM results WHERE results.url_id = urls.id)`,
      chunk,
    );
  }
  return deleted;
}
