import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLinkmedicError } from '../errors.js';
import { LINKMEDIC_APPLICATION_ID } from './migrate.js';
import { MIGRATIONS } from './migrations/migrations.js';
import type { HistoryStore } from './history-store.js';
import { openStore } from './open-store.js';
import { newPostgresSchemaUrl, POSTGRES_AVAILABLE, STORE_BACKENDS } from './test-fixtures/store-backends.js';
import { makeRun } from './test-fixtures/make-run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'linkmedic-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tables = (db: Database.Database): string[] =>
  db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];

const pragma = async (store: HistoryStore, name: string): Promise<unknown> => Object.values((await store.sql.get<Record<string, unknown>>(`PRAGMA ${name}`))!)[0];

describe('openStore: a fresh file', () => {
  it('creates the directory, migrates, marks the file as ours and uses WAL', async () => {
    const path = join(dir, 'nested', 'deeper', 'linkmedic.db');
    const store = await openStore({ path });
    expect(store.persistent).toBe(true);
    expect(await pragma(store, 'user_version')).toBe(MIGRATIONS.length);
    expect(await pragma(store, 'application_id')).toBe(LINKMEDIC_APPLICATION_ID);
    expect(await pragma(store, 'journal_mode')).toBe('wal');
    expect(await pragma(store, 'foreign_keys')).toBe(1);
    await store.close();
    // `app_*` tables belong to the GitHub App's migration.
    const db = new Database(path, { readonly: true });
    expect(tables(db).filter((name) => !name.startsWith('app_'))).toEqual(['archive_lookups', 'catalog_rekeys', 'github_snapshots', 'huggingface_snapshots', 'occurrences', 'results', 'runs', 'urls']);
    db.close();
  });

  it('runs in memory for --no-db, touching no file', async () => {
    const store = await openStore({ path: ':memory:' });
    expect(store.persistent).toBe(false);
    await store.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'timeout']] }));
    expect((await store.linkStates('local:README.md', ['https://a.example/'])).get('https://a.example/')?.consecutiveFailures).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
    await store.close();
  });
});

/** Where the backend keeps the applied versions. */
const appliedVersion = async (store: HistoryStore): Promise<unknown> =>
  store.sql.dialect === 'sqlite' ? pragma(store, 'user_version') : (await store.sql.get<{ v: number }>('SELECT max(version) AS v FROM linkmedic_schema'))?.v;
const tableNames = async (store: HistoryStore): Promise<string[]> =>
  (store.sql.dialect === 'sqlite'
    ? await store.sql.all<{ name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
    : await store.sql.all<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`)
  ).map((row) => row.name);

describe.each(STORE_BACKENDS)('openStore: migrations ($name)', (backend) => {
  const location = () => backend.newLocation(join(dir, 'linkmedic.db'));

  it('reopens without migrating again and keeps what was recorded', async () => {
    const path = await location();
    const first = await openStore({ path });
    await first.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'alive']] }));
    await first.close();
    const again = await openStore({ path });
    expect(await again.runsSince('local:README.md', new Date(0))).toHaveLength(1);
    expect(await appliedVersion(again)).toBe(MIGRATIONS.length);
    await again.close();
  });

  it('applies a later migration to an existing database, keeping its history', async () => {
    const path = await location();
    const old = await openStore({ path });
    await old.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'alive']] }));
    await old.close();
    const appState = {
      version: MIGRATIONS.length + 1, name: 'app state',
      sqlite: 'CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT) STRICT;', postgres: 'CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT);',
    };
    const upgraded = await openStore({ path, migrations: [...MIGRATIONS, appState] });
    expect(await appliedVersion(upgraded)).toBe(MIGRATIONS.length + 1);
    expect(await tableNames(upgraded)).toContain('app_state');
    expect(await upgraded.runsSince('local:README.md', new Date(0))).toHaveLength(1);
    await upgraded.close();
  });

  it('rolls a failing migration back whole', async () => {
    const path = await location();
    await (await openStore({ path })).close();
    const bad = 'CREATE TABLE half (x INTEGER); CREATE TABLE half (y INTEGER);';
    const broken = { version: MIGRATIONS.length + 1, name: 'broken', sqlite: bad, postgres: bad };
    await expect(openStore({ path, migrations: [...MIGRATIONS, broken] })).rejects.toThrow(/cannot be (prepared|used)/);
    const store = await openStore({ path });
    expect(await appliedVersion(store)).toBe(MIGRATIONS.length);
    expect(await tableNames(store)).not.toContain('half');
    await store.close();
  });

  it('migrates once when several processes open a new database together', async () => {
    const path = await location();
    const counting = [...MIGRATIONS, {
      version: MIGRATIONS.length + 1, name: 'count',
      sqlite: 'CREATE TABLE opened (n INTEGER); INSERT INTO opened VALUES (1);', postgres: 'CREATE TABLE opened (n INTEGER); INSERT INTO opened VALUES (1);',
    }];
    const stores = await Promise.all(Array.from({ length: 4 }, () => openStore({ path, migrations: counting })));
    expect(await stores[0]!.sql.get<{ n: number }>('SELECT count(*) AS n FROM opened')).toEqual({ n: 1 });
    await Promise.all(stores.map((store) => store.close()));
  });

  it('refuses a migration list with a gap', async () => {
    const gap = { version: MIGRATIONS.length + 2, name: 'gap', sqlite: 'SELECT 1;', postgres: 'SELECT 1;' };
    await expect(openStore({ path: await location(), migrations: [...MIGRATIONS, gap] })).rejects.toThrow(/out of order/);
  });
});

describe.skipIf(!POSTGRES_AVAILABLE)('openStore: Postgres it must refuse', () => {
  it('a schema written by a newer linkmedic, untouched', async () => {
    const path = await newPostgresSchemaUrl();
    const store = await openStore({ path });
    await store.sql.run('INSERT INTO linkmedic_schema (version, name, applied_at) VALUES (?, ?, ?)', [MIGRATIONS.length + 1, 'future', 0]);
    await store.close();
    const error = await openStore({ path }).catch((thrown: unknown) => thrown);
    expect(isLinkmedicError(error) && [error.code, error.message]).toEqual(['DB_ERROR', expect.stringMatching(/was written by a newer linkmedic \(schema \d+; this one knows up to \d+\)$/)]);
  });

  it("another program's tables named like ours", async () => {
    const path = await newPostgresSchemaUrl();
    const other = new pg.Client({ connectionString: path });
    await other.connect();
    await other.query('CREATE TABLE runs (who TEXT); INSERT INTO runs VALUES ($1)', ['Ada']).catch(async () => {
      await other.query('CREATE TABLE runs (who TEXT)');
      await other.query(`INSERT INTO runs VALUES ('Ada')`);
    });
    const error = await openStore({ path }).catch((thrown: unknown) => thrown);
    expect(isLinkmedicError(error) && error.code).toBe('DB_ERROR');
    expect((error as Error).message).toMatch(/not a linkmedic history/);
    expect((await other.query('SELECT who FROM runs')).rows).toEqual([{ who: 'Ada' }]);
    await other.end();
  });

  it('a server that does not answer: one line, no password', async () => {
    const error = await openStore({ path: 'postgres://linkmedic:s3cret@127.0.0.1:1/history' }).catch((thrown: unknown) => thrown);
    expect(isLinkmedicError(error) && error.code).toBe('DB_ERROR');
    expect((error as Error).message).toMatch(/^history database postgres:\/\/linkmedic:\*\*\*@127\.0\.0\.1:1\/history cannot be used: .*ECONNREFUSED/);
    expect((error as Error).message).not.toContain('s3cret');
    expect((error as Error).message).not.toContain('\n');
  });
});

interface BadCase {
  name: string;
  /** Prepares the path; returns it. */
  make: () => string;
  message: RegExp;
}

const badCases: BadCase[] = [
  {
    name: 'a text file',
    make: () => {
      const path = join(dir, 'notes.db');
      writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
      return path;
    },
    message: /is not a SQLite database$/,
  },
  {
    name: "another program's SQLite database",
    make: () => {
      const path = join(dir, 'other.db');
      const db = new Database(path);
      db.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'Ada\');');
      db.close();
      return path;
    },
    message: /is a SQLite database but not a linkmedic history$/,
  },
  {
    name: 'a database from a newer linkmedic',
    make: () => {
      const path = join(dir, 'future.db');
      const db = new Database(path);
      db.pragma(`application_id = ${LINKMEDIC_APPLICATION_ID}`);
      db.exec('CREATE TABLE runs (id INTEGER PRIMARY KEY)');
      db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
      db.close();
      return path;
    },
    message: new RegExp(`was written by a newer linkmedic \\(schema ${MIGRATIONS.length + 1}; this one knows up to ${MIGRATIONS.length}\\)$`),
  },
  {
    name: 'a path under a regular file',
    make: () => {
      writeFileSync(join(dir, 'file'), 'x');
      return join(dir, 'file', 'sub', 'linkmedic.db');
    },
    message: /cannot be opened or created: ENOTDIR/,
  },
  { name: 'a directory', make: () => (mkdirSync(join(dir, 'adir')), join(dir, 'adir')), message: /cannot be opened or created: unable to open database file$/ },
  { name: 'a read-only file system', make: () => '/sys/linkmedic-test/linkmedic.db', message: /cannot be opened or created: E(PERM|ACCES|ROFS)/ },
];

describe('openStore: input it must refuse', () => {
  it.each(badCases)('$name → DB_ERROR, file untouched', async ({ make, message }) => {
    const path = make();
    const before = existsSync(path) && !path.endsWith('adir') ? readFileSync(path) : undefined;
    let thrown: unknown;
    try {
      await (await openStore({ path })).close();
    } catch (error) {
      thrown = error;
    }
    expect(isLinkmedicError(thrown)).toBe(true);
    if (!isLinkmedicError(thrown)) return;
    expect(thrown.code).toBe('DB_ERROR');
    expect(thrown.message).toContain(path);
    expect(thrown.message).toMatch(message);
    expect(thrown.message).not.toContain('\n');
    expect(thrown.hint).toBeTruthy();
    if (before) expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
