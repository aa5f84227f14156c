import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { causeText, dbError, isSqliteError } from './db-error.js';
import { HistoryStore } from './history-store.js';
import { LINKMEDIC_APPLICATION_ID, migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/migrations.js';
import type { Migration } from './migrations/migration.js';
import { MEMORY_DB } from './resolve-db-path.js';

export interface StoreOptions {
  /** A file path (its directory is created) or `:memory:`; see `resolveDbPath`. */
  path: string;
  /** The clock trends measure back from (7 and 30 days before it). */
  now?: () => Date;
  /** How long to wait for another process's write lock before giving up. */
  busyTimeoutMs?: number;
  /** Tests pass their own list; features that need tables append to `MIGRATIONS` instead. */
  migrations?: readonly Migration[];
}

/**
 * Opens (creating or upgrading) the history database. A file that is not SQLite, a SQLite file
 * that is not linkmedic's, or one written by a newer linkmedic is refused before anything is
 * written to it: recorded history is never overwritten.
 */
export function openStore({ path, now = () => new Date(), busyTimeoutMs = 5_000, migrations = MIGRATIONS }: StoreOptions): HistoryStore {
  const db = connect(path, busyTimeoutMs);
  try {
    assertOurs(db, path, migrations.length);
    if (path !== MEMORY_DB) {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL still survives a killed process; only a power cut may lose the last run.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return new HistoryStore(db, path, now);
  } catch (error) {
    db.close();
    if (isSqliteError(error)) throw dbError(path, `cannot be prepared: ${causeText(error)}`, { cause: error });
    throw error;
  }
}

function connect(path: string, timeout: number): Database.Database {
  try {
    if (path !== MEMORY_DB) mkdirSync(dirname(path), { recursive: true });
    return new Database(path, { timeout });
  } catch (error) {
    throw dbError(path, `cannot be opened or created: ${causeText(error)}`, { cause: error });
  }
}

const UNTOUCHED = 'the file was left untouched; pass --db PATH to use another file';

function assertOurs(db: Database.Database, path: string, knownVersion: number): void {
  let applicationId: number;
  let version: number;
  let tables: number;
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
    tables = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'table'`).pluck().get() as number;
  } catch (error) {
    if (isSqliteError(error) && error.code === 'SQLITE_NOTADB') {
      throw dbError(path, 'is not a SQLite database', { cause: error, hint: UNTOUCHED });
    }
    throw dbError(path, `cannot be read: ${causeText(error)}`, { cause: error });
  }
  if (applicationId !== LINKMEDIC_APPLICATION_ID && (applicationId !== 0 || tables > 0)) {
    throw dbError(path, 'is a SQLite database but not a linkmedic history', { hint: UNTOUCHED });
  }
  if (version > knownVersion) {
    throw dbError(path, `was written by a newer linkmedic (schema ${version}; this one knows up to ${knownVersion})`, {
      hint: 'upgrade linkmedic, or pass --db PATH to use another file',
    });
  }
}
