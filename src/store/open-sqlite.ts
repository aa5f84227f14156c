import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { causeText, dbError } from './db-error.js';
import { LINKMEDIC_APPLICATION_ID, migrate } from './migrate.js';
import type { Migration } from './migrations/migration.js';
import { MEMORY_DB } from './resolve-db-path.js';
import { SqliteDriver, toSqlFailure } from './sql/sqlite-driver.js';
import type { SqlExecutor, SqlParam } from './sql/sql-driver.js';
import { isSqlFailure } from './sql/sql-failure.js';

const UNTOUCHED = 'the file was left untouched; pass --db PATH to use another file';

/** Opens a SQLite history file (or `:memory:`) with better-sqlite3: checked as ours, WAL, migrated. */
export async function openSqlite(path: string, busyTimeoutMs: number, migrations: readonly Migration[]): Promise<SqliteDriver> {
  const db = connect(path, busyTimeoutMs);
  const driver = new SqliteDriver(
    { prepare: (sql) => db.prepare<SqlParam[]>(sql), exec: (sql) => db.exec(sql), close: () => db.close(), get inTransaction() { return db.inTransaction; } },
    path,
  );
  try {
    await assertOurs(driver, path, migrations.length);
    if (path !== MEMORY_DB) {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL still survives a killed process; only a power cut may lose the last run.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    await migrate(driver, migrations);
    return driver;
  } catch (error) {
    db.close();
    const failure = toSqlFailure(error);
    if (isSqlFailure(failure)) throw dbError(path, `cannot be prepared: ${causeText(failure)}`, { cause: error });
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

/** Refuses a file that is not a linkmedic history, or one from a newer linkmedic, before anything is written. */
export async function assertOurs(sql: SqlExecutor, path: string, knownVersion: number): Promise<void> {
  let applicationId: number;
  let version: number;
  let tables: number;
  try {
    applicationId = (await sql.get<{ application_id: number }>('PRAGMA application_id'))?.application_id ?? 0;
    version = (await sql.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
    tables = (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`))?.n ?? 0;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
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
