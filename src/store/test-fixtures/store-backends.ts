// Every store test runs on both backends: `describe.each(STORE_BACKENDS)`. Postgres tests use the
// server in LINKMEDIC_TEST_DATABASE_URL (default: this project's machines, 127.0.0.1:5432, trust
// auth, database `test`), each store in its own schema, dropped after the test. Outside CI a
// missing server skips the Postgres half with a notice; in CI (CI set) it fails.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach } from 'vitest';
import type { HistoryStore } from '../history-store.js';
import type { Migration } from '../migrations/migration.js';
import { openStore } from '../open-store.js';
import { MEMORY_DB } from '../resolve-db-path.js';

export const TEST_DATABASE_URL = process.env.LINKMEDIC_TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';

export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  /**
   * A new, empty store (SQLite in memory; Postgres in a schema of its own), closed and dropped
   * after the test, or after the file's last test with `shared` (for `beforeAll`).
   */
  open(options?: { now?: () => Date; migrations?: readonly Migration[]; shared?: boolean }): Promise<HistoryStore>;
  /** Where a new empty database is, for tests that open it several times (a SQLite path is made by the caller). */
  newLocation(sqlitePath?: string): Promise<string>;
}

const schemas = { test: [] as string[], file: [] as string[] };

/** A Postgres URL whose connections all use a new, empty schema (dropped after the test, or the file with `shared`). */
export async function newPostgresSchemaUrl(base: string = TEST_DATABASE_URL, shared = false): Promise<string> {
  const schema = `lm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  schemas[shared ? 'file' : 'test'].push(schema);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Drops the test's schemas (or the file's). */
export async function dropPostgresSchemas(scope: 'test' | 'file' = 'test', base: string = TEST_DATABASE_URL): Promise<void> {
  const dropped = schemas[scope].splice(0);
  if (dropped.length === 0) return;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    for (const schema of dropped) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}

let reachable: Promise<boolean> | undefined;
/** Whether the test Postgres answers; in CI an unreachable server is an error, not a skip. */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (error) {
      if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${TEST_DATABASE_URL} (CI requires it): ${(error as Error).message}`);
      process.stderr.write(`note: PostgreSQL is not reachable at ${TEST_DATABASE_URL}; Postgres store tests are skipped\n`);
      return false;
    }
  })();
  return reachable;
}

export const POSTGRES_AVAILABLE = await postgresReachable();

const opened = { test: [] as HistoryStore[], file: [] as HistoryStore[] };
const closeAll = async (scope: 'test' | 'file'): Promise<void> => {
  await Promise.all(opened[scope].splice(0).map((store) => store.close().catch(() => undefined)));
  await dropPostgresSchemas(scope);
};
afterEach(() => closeAll('test'));
afterAll(() => closeAll('file'));

const track = (store: HistoryStore, shared = false): HistoryStore => (opened[shared ? 'file' : 'test'].push(store), store);

export const SQLITE_BACKEND: StoreBackend = {
  name: 'sqlite',
  open: async ({ shared, ...options } = {}) => track(await openStore({ path: MEMORY_DB, ...options }), shared),
  newLocation: async (sqlitePath) => sqlitePath ?? MEMORY_DB,
};

export const POSTGRES_BACKEND: StoreBackend = {
  name: 'postgres',
  open: async ({ shared, ...options } = {}) => track(await openStore({ path: await newPostgresSchemaUrl(TEST_DATABASE_URL, shared), ...options }), shared),
  newLocation: () => newPostgresSchemaUrl(),
};

/** The backends to run each store test on: both, unless Postgres is unreachable outside CI. */
export const STORE_BACKENDS: StoreBackend[] = POSTGRES_AVAILABLE ? [SQLITE_BACKEND, POSTGRES_BACKEND] : [SQLITE_BACKEND];

/** Row count of a table, for tests that look under the store. */
export async function countRows(store: HistoryStore, table: string, where = ''): Promise<number> {
  return (await store.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} ${where}`))!.n;
}
