import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import initSqlJs from 'sql.js/dist/sql-wasm-inline.js';
import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { causeText, dbError } from './db-error.js';
import { migrate } from './migrate.js';
import type { Migration } from './migrations/migration.js';
import { assertOurs } from './open-sqlite.js';
import { MEMORY_DB } from './resolve-db-path.js';
import { SqliteDriver, toSqlFailure, type SqliteConnection, type SqliteStatement } from './sql/sqlite-driver.js';
import type { SqlParam } from './sql/sql-driver.js';
import { isSqlFailure } from './sql/sql-failure.js';

// The build with the WASM binary inlined: a bundle that includes it is one file, with no `.wasm`
// to ship beside it and no path to get wrong on the runner.
let sqlJs: Promise<SqlJsStatic> | undefined;
const loadSqlJs = (): Promise<SqlJsStatic> => (sqlJs ??= initSqlJs());

/** Paths open in this process: two in-memory copies of one file would each overwrite the other on close. */
const openPaths = new Set<string>();

/**
 * Opens a SQLite history file with SQLite compiled to WebAssembly (sql.js), for the GitHub Action:
 * no native addon, so it runs on any Node the runner has. The file is the same format as the one
 * better-sqlite3 writes (checked as ours, migrated alike). sql.js works on a copy in memory:
 * the file is read once here and written back, whole and atomically, when the driver closes.
 */
export async function openSqliteWasm(path: string, migrations: readonly Migration[]): Promise<SqliteDriver> {
  if (openPaths.has(path)) throw dbError(path, 'is already open in this process');
  const SQL = await loadSqlJs();
  const db = new SQL.Database(readExisting(path));
  openPaths.add(path);
  const driver = new SqliteDriver(wasmConnection(db, path), path);
  try {
    await assertOurs(driver, path, migrations.length);
    db.exec('PRAGMA foreign_keys = ON');
    await migrate(driver, migrations);
    return driver;
  } catch (error) {
    db.close();
    openPaths.delete(path);
    const failure = toSqlFailure(error);
    if (isSqlFailure(failure)) throw dbError(path, `cannot be prepared: ${causeText(failure)}`, { cause: error });
    throw error;
  }
}

function readExisting(path: string): Uint8Array | undefined {
  if (path === MEMORY_DB || !existsSync(path)) return undefined;
  // A write-ahead log left by a process that died holds recorded runs the main file lacks.
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) {
    throw dbError(path, 'has an unfinished write-ahead log beside it', { hint: 'open it once with the linkmedic command line (which finishes the log), then try again' });
  }
  try {
    return readFileSync(path);
  } catch (error) {
    throw dbError(path, `cannot be read: ${causeText(error)}`, { cause: error });
  }
}

function wasmConnection(db: Database, path: string): SqliteConnection {
  return {
    prepare: (sql) => wasmStatement(db, db.prepare(sql)),
    exec: (sql) => db.exec(sql),
    // sql.js does not expose sqlite3_get_autocommit: SQLite itself says whether a transaction is open.
    get inTransaction() {
      try {
        db.exec('BEGIN');
      } catch {
        return true;
      }
      db.exec('ROLLBACK');
      return false;
    },
    close: () => {
      try {
        if (path !== MEMORY_DB) writeAtomically(path, db.export());
      } finally {
        db.close();
        openPaths.delete(path);
      }
    },
  };
}

function wasmStatement(db: Database, statement: Statement): SqliteStatement {
  /** Binds, steps until `keep` says stop or the rows end, and always resets for the next use. */
  const step = (params: SqlParam[], keep: (rows: unknown[]) => boolean): unknown[] => {
    statement.bind(params);
    try {
      const rows: unknown[] = [];
      while (keep(rows) && statement.step()) rows.push(statement.getAsObject());
      return rows;
    } finally {
      statement.reset();
    }
  };
  return {
    all: (...params) => step(params, () => true),
    get: (...params) => step(params, (rows) => rows.length === 0)[0],
    run: (...params) => {
      step(params, () => true);
      return { changes: db.getRowsModified() };
    },
  };
}

/** A crash while writing leaves the previous file whole: the new one replaces it only once complete. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}
