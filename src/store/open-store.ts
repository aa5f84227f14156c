import { HistoryStore } from './history-store.js';
import { isPostgresUrl } from './is-postgres-url.js';
import { MIGRATIONS } from './migrations/migrations.js';
import type { Migration } from './migrations/migration.js';
import { openSqlite } from './open-sqlite.js';

export interface StoreOptions {
  /** A file path (its directory is created), `:memory:`, or a `postgres://` URL; see `resolveDbPath`. */
  path: string;
  /** The clock trends measure back from (7 and 30 days before it). */
  now?: () => Date;
  /** SQLite: how long to wait for another process's write lock before giving up. */
  busyTimeoutMs?: number;
  /** Tests pass their own list; features that need tables append to `MIGRATIONS` instead. */
  migrations?: readonly Migration[];
}

/**
 * Opens (creating or upgrading) the history database: SQLite for a path, Postgres for a URL.
 * A database that is not linkmedic's, or one written by a newer linkmedic, is refused before
 * anything is written to it: recorded history is never overwritten.
 */
export async function openStore({ path, now = () => new Date(), busyTimeoutMs = 5_000, migrations = MIGRATIONS }: StoreOptions): Promise<HistoryStore> {
  if (isPostgresUrl(path)) {
    // Loaded here: pg takes ~50 ms to load, and most runs (every CLI run on SQLite) never need it.
    const { openPostgres } = await import('./open-postgres.js');
    return new HistoryStore(await openPostgres(path, migrations, now()), now);
  }
  return new HistoryStore(await openSqlite(path, busyTimeoutMs, migrations), now);
}
