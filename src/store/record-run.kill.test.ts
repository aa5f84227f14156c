import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { makeRun } from './test-fixtures/make-run.js';
import { countRows, STORE_BACKENDS, type StoreBackend } from './test-fixtures/store-backends.js';

const CHILD = fileURLToPath(new URL('./test-fixtures/record-big-run.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CATALOG = 'local:README.md';
// Large enough that the write takes a while on either backend, so the kill lands inside it.
const BIG_RUN_RESULTS = '40000';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Whether the child is half-way through writing: its uncommitted rows are not visible, its footprint is. */
const MID_WRITE: Record<StoreBackend['name'], (location: string) => Promise<boolean>> = {
  // The child's transaction holds the write lock: another connection cannot take it.
  sqlite: async (path) => {
    const probe = new Database(path, { timeout: 0 });
    try {
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
      return false;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
      throw error;
    } finally {
      probe.close();
    }
  },
  // Another session holding a write lock on `occurrences` is inside the run's transaction.
  postgres: async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
        WHERE c.relname = 'occurrences' AND c.relnamespace = current_schema()::regnamespace AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()`);
      return (rows[0] as { n: number }).n > 0;
    } finally {
      await client.end();
    }
  },
};

it.each(STORE_BACKENDS)('a run killed half-way leaves earlier history intact and no trace of itself ($name)', async (backend) => {
  dir = mkdtempSync(join(tmpdir(), 'linkmedic-kill-'));
  const path = await backend.newLocation(join(dir, 'linkmedic.db'));
  const store = await openStore({ path });
  for (const night of [0, 1, 2]) {
    await store.recordRun(makeRun({ at: night * 24, minutes: 3, results: [['https://a.example/', night === 2 ? 'timeout' : 'alive'], ['https://b.example/', 'dead']] }));
  }
  await store.close();

  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, BIG_RUN_RESULTS], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

  let seenByReader: number | undefined;
  while (child.exitCode === null && !stdout.includes('committed')) {
    if (stdout.includes('recording') && (await MID_WRITE[backend.name](path))) {
      // A reader in another connection still sees the earlier history while the write is under way
      // (a raw SQLite reader: opening a store would wait for the write lock to migrate).
      if (backend.name === 'sqlite') {
        const reader = new Database(path, { readonly: true });
        seenByReader = (reader.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
        reader.close();
      } else {
        const reader = await openStore({ path });
        seenByReader = await countRows(reader, 'runs');
        await reader.close();
      }
      child.kill('SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const signal = await exited;
  expect(stderr).toBe('');
  expect(stdout).toBe('recording\n');
  expect(signal).toBe('SIGKILL');
  expect(seenByReader).toBe(3);

  const after = await openStore({ path });
  if (backend.name === 'sqlite') expect(await after.sql.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
  expect((await after.runsSince(CATALOG, new Date(0))).map((run) => [run.id, run.urlCount])).toEqual([[1, 2], [2, 2], [3, 2]]);
  for (const table of ['results', 'occurrences']) expect(await countRows(after, table, 'WHERE run_id > 3')).toBe(0);
  expect(await countRows(after, 'urls')).toBe(2);
  expect((await after.linkTimeline(CATALOG, 'https://a.example/')).map((point) => point.verdict)).toEqual(['alive', 'alive', 'timeout']);
  // And history goes on: the next run is recorded as if nothing happened (Postgres may skip ids a killed transaction took).
  expect(await after.recordRun(makeRun({ at: 72, results: [['https://a.example/', 'alive']] }))).toBeGreaterThanOrEqual(4);
  expect((await after.runsSince(CATALOG, new Date(0))).length).toBe(4);
  await after.close();
});
