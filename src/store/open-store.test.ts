import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLinkmedicError } from '../errors.js';
import { LINKMEDIC_APPLICATION_ID } from './migrate.js';
import { MIGRATIONS } from './migrations/migrations.js';
import { openStore } from './open-store.js';
import { makeRun } from './test-fixtures/make-run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'linkmedic-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tables = (db: Database.Database): string[] =>
  db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];

describe('openStore: a fresh file', () => {
  it('creates the directory, migrates, marks the file as ours and uses WAL', () => {
    const path = join(dir, 'nested', 'deeper', 'linkmedic.db');
    const store = openStore({ path });
    expect(store.persistent).toBe(true);
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(store.db.pragma('application_id', { simple: true })).toBe(LINKMEDIC_APPLICATION_ID);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // `app_*` tables belong to the GitHub App's migration.
    expect(tables(store.db).filter((name) => !name.startsWith('app_'))).toEqual(['github_snapshots', 'huggingface_snapshots', 'occurrences', 'results', 'runs', 'urls']);
    store.close();
  });

  it('reopens without migrating again and keeps what was recorded', () => {
    const path = join(dir, 'linkmedic.db');
    const first = openStore({ path });
    first.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'alive']] }));
    first.close();
    const again = openStore({ path });
    expect(again.runsSince('local:README.md', new Date(0))).toHaveLength(1);
    again.close();
  });

  it('applies a later migration to an existing database, keeping its history', () => {
    const path = join(dir, 'linkmedic.db');
    const old = openStore({ path });
    old.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'alive']] }));
    old.close();
    const appState = { version: MIGRATIONS.length + 1, name: 'app state', sql: 'CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT) STRICT;' };
    const upgraded = openStore({ path, migrations: [...MIGRATIONS, appState] });
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(tables(upgraded.db)).toContain('app_state');
    expect(upgraded.runsSince('local:README.md', new Date(0))).toHaveLength(1);
    upgraded.close();
  });

  it('rolls a failing migration back whole', () => {
    const path = join(dir, 'linkmedic.db');
    openStore({ path }).close();
    const broken = { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); CREATE TABLE half (y INTEGER);' };
    expect(() => openStore({ path, migrations: [...MIGRATIONS, broken] })).toThrow(/cannot be prepared/);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('half');
    db.close();
  });

  it('refuses a migration list with a gap', () => {
    const gap = { version: MIGRATIONS.length + 2, name: 'gap', sql: 'SELECT 1;' };
    expect(() => openStore({ path: ':memory:', migrations: [...MIGRATIONS, gap] })).toThrow(/out of order/);
  });

  it('runs in memory for --no-db, touching no file', () => {
    const store = openStore({ path: ':memory:' });
    expect(store.persistent).toBe(false);
    store.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'timeout']] }));
    expect(store.linkStates('local:README.md', ['https://a.example/']).get('https://a.example/')?.consecutiveFailures).toBe(1);
    expect(store.db.memory).toBe(true);
    store.close();
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
      const store = openStore({ path });
      store.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'alive']] }));
      store.db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
      store.close();
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
  it.each(badCases)('$name → DB_ERROR, file untouched', ({ make, message }) => {
    const path = make();
    const before = existsSync(path) && !path.endsWith('adir') ? readFileSync(path) : undefined;
    let thrown: unknown;
    try {
      openStore({ path }).close();
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
