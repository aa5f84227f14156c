import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLinkmedicError } from '../errors.js';
import type { HistoryStore } from './history-store.js';
import { LINKMEDIC_APPLICATION_ID } from './migrate.js';
import { MIGRATIONS } from './migrations/migrations.js';
import { openStore } from './open-store.js';
import { openWasmStore } from './open-wasm-store.js';
import { githubRepo, makeRun, type ResultSpec } from './test-fixtures/make-run.js';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'linkmedic-wasm-'));
  path = join(dir, 'linkmedic.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The two engines over one file: the CLI's native better-sqlite3 and the Action's WASM sql.js. */
const ENGINES = {
  native: (file: string) => openStore({ path: file }),
  wasm: (file: string) => openWasmStore({ path: file }),
} satisfies Record<string, (file: string) => Promise<HistoryStore>>;
type Engine = keyof typeof ENGINES;

const CATALOG = 'github:acme/awesome';
const GONE = 'https://gone.example/';
const FLAKY = 'https://flaky.example/';
const NIGHTS: ResultSpec[][] = [
  [[GONE, 'dead'], [FLAKY, 'alive']],
  [[GONE, 'dead'], [FLAKY, 'timeout']],
  [[GONE, 'dead'], [FLAKY, 'timeout']],
  [[GONE, 'dead'], [FLAKY, 'timeout']],
];

/** Each night is recorded by the engine named at its index; the file passes between them. */
const SEQUENCES: Array<{ name: string; writers: Engine[] }> = [
  { name: 'the Action writes, the CLI reads', writers: ['wasm', 'wasm', 'wasm', 'wasm'] },
  { name: 'the CLI writes, the Action reads', writers: ['native', 'native', 'native', 'native'] },
  { name: 'they take turns', writers: ['wasm', 'native', 'wasm', 'native'] },
  { name: 'the Action continues a CLI history', writers: ['native', 'native', 'wasm', 'wasm'] },
];

async function withStore<T>(engine: Engine, work: (store: HistoryStore) => Promise<T>): Promise<T> {
  const store = await ENGINES[engine](path);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function standing(engine: Engine) {
  return withStore(engine, async (store) => {
    const states = await store.linkStates(CATALOG, [GONE, FLAKY]);
    return {
      runs: (await store.latestRuns(CATALOG, 10)).map((run) => run.startedAt.toISOString()),
      catalogs: (await store.recordedCatalogs()).map((catalog) => catalog.catalog),
      streaks: [...states.values()].map((state) => [state.url, state.consecutiveFailures, state.confirmedDead]),
      trend: (await store.repoTrends(CATALOG, { at: new Date(Date.parse('2025-03-10T00:00:00Z')) })).get('github:acme/list'),
    };
  });
}

describe('one history file, read and written by both SQLite engines', () => {
  it.each(SEQUENCES)('$name', async ({ writers }) => {
    for (const [index, engine] of writers.entries()) {
      await withStore(engine, (store) => store.recordRun(makeRun({ catalog: CATALOG, at: index * 24, results: NIGHTS[index], github: [githubRepo('acme/list', 10 + index)] })));
    }
    const expected = {
      runs: [72, 48, 24, 0].map((hours) => new Date(Date.parse('2025-03-01T03:00:00Z') + hours * 3_600_000).toISOString()),
      catalogs: [CATALOG],
      streaks: [[GONE, 4, true], [FLAKY, 3, true]],
      trend: expect.objectContaining({ host: 'github', stars: 13 }),
    };
    expect(await standing('native')).toEqual(expected);
    expect(await standing('wasm')).toEqual(expected);
    // Still the CLI's format: its header marks it as linkmedic's, at the current schema.
    const db = new Database(path, { readonly: true });
    expect([db.pragma('application_id', { simple: true }), db.pragma('user_version', { simple: true }), db.pragma('integrity_check', { simple: true })]).toEqual([LINKMEDIC_APPLICATION_ID, MIGRATIONS.length, 'ok']);
    db.close();
  });
});

/** The `DB_ERROR` message opening `path` gives, or undefined when it opens. */
async function openError(): Promise<string | undefined> {
  try {
    await (await openWasmStore({ path })).close();
    return undefined;
  } catch (error) {
    if (isLinkmedicError(error) && error.code === 'DB_ERROR') return error.message.replace(path, 'FILE');
    throw error;
  }
}

describe('openWasmStore refuses what the CLI refuses, leaving the file as it was', () => {
  const seeds: Array<[string, () => void | Promise<void>, string]> = [
    ['a file that is not SQLite', () => writeFileSync(path, 'not a database at all\n'.repeat(100)), 'history database FILE is not a SQLite database'],
    ['another application\'s SQLite file', () => void new Database(path).exec('CREATE TABLE notes (body TEXT)').close(), 'history database FILE is a SQLite database but not a linkmedic history'],
    ['a history from a newer linkmedic', async () => {
      await (await openStore({ path })).close();
      const db = new Database(path);
      db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
      db.close();
    }, `history database FILE was written by a newer linkmedic (schema ${MIGRATIONS.length + 1}; this one knows up to ${MIGRATIONS.length})`],
    ['a history whose write-ahead log was never finished', async () => {
      await (await openStore({ path })).close();
      writeFileSync(`${path}-wal`, 'frames a crashed process left');
    }, 'history database FILE has an unfinished write-ahead log beside it'],
  ];
  it.each(seeds)('%s', async (_name, seed, message) => {
    await seed();
    const before = readFileSync(path);
    expect(await openError()).toBe(message);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a second copy of a file it has open, which would overwrite the first on close', async () => {
    const first = await openWasmStore({ path });
    expect(await openError()).toBe('history database FILE is already open in this process');
    await first.close();
    expect(await openError()).toBeUndefined();
  });
});

describe('openWasmStore: files', () => {
  it('creates a new file (and its folder) only when closed, and leaves no temporary file', async () => {
    const nested = join(dir, 'a', 'b', 'linkmedic.db');
    const store = await openWasmStore({ path: nested });
    await store.recordRun(makeRun({ catalog: CATALOG, at: 0, results: NIGHTS[0] }));
    expect(existsSync(nested)).toBe(false);
    await store.close();
    expect((await openStore({ path: nested }).then(async (native) => [await native.latestRuns(CATALOG, 5), await native.close()]))[0]).toHaveLength(1);
    expect(existsSync(join(dir, 'a', 'b'))).toBe(true);
    expect(readFileSync(nested).subarray(0, 16).toString()).toBe('SQLite format 3\0');
  });

  it('rolls back a failed transaction and keeps working', async () => {
    const store = await openWasmStore({ path: ':memory:' });
    await expect(store.sql.transaction(async (tx) => {
      await tx.run('INSERT INTO urls (url) VALUES (?)', ['https://a.example/']);
      await tx.run('INSERT INTO urls (url) VALUES (?)', ['https://a.example/']);
    })).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(await store.sql.get('SELECT count(*) AS n FROM urls')).toEqual({ n: 0 });
    await store.recordRun(makeRun({ catalog: CATALOG, at: 0, results: NIGHTS[0] }));
    expect(await store.latestRuns(CATALOG, 5)).toHaveLength(1);
    await store.close();
  });
});
