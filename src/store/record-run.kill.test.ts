import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { makeRun } from './test-fixtures/make-run.js';

const CHILD = fileURLToPath(new URL('./test-fixtures/record-big-run.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CATALOG = 'local:README.md';
// Uncommitted pages reach the WAL once they overflow SQLite's page cache (2 MB by default):
// a WAL this large while the child has not said "committed" means we kill it mid-transaction.
const MID_WRITE_WAL_BYTES = 4 * 1024 * 1024;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const walSize = (path: string): number => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);

it('a run killed half-way leaves earlier history intact and no trace of itself', async () => {
  dir = mkdtempSync(join(tmpdir(), 'linkmedic-kill-'));
  const path = join(dir, 'linkmedic.db');
  const store = openStore({ path });
  for (const night of [0, 1, 2]) {
    store.recordRun(makeRun({ at: night * 24, minutes: 3, results: [['https://a.example/', night === 2 ? 'timeout' : 'alive'], ['https://b.example/', 'dead']] }));
  }
  store.close();

  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, '150000'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

  let seenByReader: number | undefined;
  while (child.exitCode === null && !stdout.includes('committed')) {
    if (stdout.includes('recording') && walSize(path) > MID_WRITE_WAL_BYTES) {
      // A reader in another process still sees the earlier history while the write is under way.
      const reader = new Database(path, { readonly: true });
      seenByReader = reader.prepare('SELECT count(*) FROM runs').pluck().get() as number;
      reader.close();
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

  const after = openStore({ path });
  expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(after.runsSince(CATALOG, new Date(0)).map((run) => [run.id, run.urlCount])).toEqual([[1, 2], [2, 2], [3, 2]]);
  for (const table of ['results', 'occurrences']) {
    expect(after.db.prepare(`SELECT count(*) FROM ${table} WHERE run_id > 3`).pluck().get()).toBe(0);
  }
  expect(after.db.prepare('SELECT count(*) FROM urls').pluck().get()).toBe(2);
  expect(after.linkTimeline(CATALOG, 'https://a.example/').map((point) => point.verdict)).toEqual(['alive', 'alive', 'timeout']);
  // And history goes on: the next run is recorded as if nothing happened.
  expect(after.recordRun(makeRun({ at: 72, results: [['https://a.example/', 'alive']] }))).toBe(4);
  after.close();
});
