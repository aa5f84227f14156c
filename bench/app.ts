/**
 * `npm run bench:app`: how a nightly pass scales with worker processes (issue 9 §5). 200 repositories
 * on the stateful fake GitHub, which takes 100 ms to answer every request; their catalogs' links on
 * the local simulated web (answering at once), so GitHub's latency is what a run waits for. For 1, 2
 * and 4 `linkmedic worker` processes (2 jobs each, the default) on Redis and Postgres, a fresh
 * deployment's first night: from the fan-out queued to the pass closed. Prints repositories per
 * minute and the ratio to 1 worker; asserts nothing. Needs PostgreSQL and Redis (as the tests do).
 * Pacing is the tests' (no pause between writes), so the queue's scaling is what is measured, not
 * GitHub's write pace, which every worker shares through Redis.
 *   BENCH_REPOS=40 BENCH_WORKERS=1,2 npm run bench:app    a smaller run
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { BullWorkQueue } from '../src/github-app/jobs/bull-work-queue.js';
import { openStore } from '../src/store/open-store.js';
import { startFakeGitHub } from '../tests/support/fake-github/index.js';
import { respond, startSimulatedWeb } from '../tests/support/simulated-web/index.js';
import { TEST_REDIS_URL, dropRedisPrefix } from '../tests/support/test-redis.js';

const REPOS = Number(process.env.BENCH_REPOS ?? 200);
const WORKERS = (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number);
const CONCURRENCY = 2;
const LATENCY_MS = 100;
const DATABASE_URL = process.env.LINKMEDIC_TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
const NIGHT = new Date('2026-11-02T03:00:00Z');
const root = path.resolve(import.meta.dirname, '..');

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

interface Night {
  workers: number;
  repos: number;
  seconds: number;
  requests: number;
}

/** One fresh deployment and its first night. */
async function night(workers: number): Promise<Night> {
  const dir = mkdtempSync(path.join(tmpdir(), 'linkmedic-bench-app-'));
  const clock = path.join(dir, 'clock');
  writeFileSync(clock, NIGHT.toISOString());
  const schema = `lm_bench_${randomBytes(5).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const prefix = `lm-bench-${randomBytes(5).toString('hex')}`;
  const web = await startSimulatedWeb();
  web.route('site.example.test', '/ok', respond.ok('<title>ok</title>'));
  web.route('site.example.test', '/also', respond.ok('<title>also</title>'));
  const fake = await startFakeGitHub({ now: () => NIGHT });
  const accounts = ['acme', 'beta', 'gamma', 'delta'];
  for (let i = 0; i < REPOS; i += 1) {
    const links = [web.url('site.example.test', '/ok'), web.url('site.example.test', '/also')];
    const readme = `# List ${i}\n\n${links.map((link, n) => `- [Link ${n}](${link})`).join('\n')}\n`;
    fake.state.createRepo({ fullName: `${accounts[i % accounts.length]}/list-${i}`, files: { 'README.md': readme, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
  }
  for (const account of accounts) fake.state.install({ account });
  fake.faults.delay({ ms: LATENCY_MS });
  // Migrated once before the workers start (they would wait for each other's migration lock).
  const store = await openStore({ path: url.toString(), now: () => NIGHT });
  const children: ChildProcess[] = [];
  const queue = new BullWorkQueue({ url: TEST_REDIS_URL, prefix }, { error: () => undefined });
  try {
    for (let n = 0; n < workers; n += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/github-app/support/app-process.ts'), 'worker'], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          ...fake.env,
          REDIS_URL: TEST_REDIS_URL,
          LINKMEDIC_REDIS_PREFIX: prefix,
          METRICS_PORT: '0',
          LINKMEDIC_ALLOW_PRIVATE_NETWORKS: 'true',
          LINKMEDIC_CRON: 'off',
          LOG_LEVEL: 'warn',
          LINKMEDIC_TEST_CLOCK: clock,
          LINKMEDIC_TEST_DB: url.toString(),
          LINKMEDIC_TEST_WORKER: `worker-${n + 1}`,
          LINKMEDIC_TEST_CONCURRENCY: String(CONCURRENCY),
        },
      });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        let text = '';
        child.stderr!.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('ready worker')) resolve();
        });
        child.once('close', () => reject(new Error(`worker ${n + 1} did not start:\n${text}`)));
      });
    }
    const requestsBefore = fake.requests.length;
    const started = performance.now();
    await queue.add({ kind: 'nightly-pass', trigger: 'schedule' });
    for (;;) {
      const pass = await store.sql.get<{ finished_at: number | null }>('SELECT finished_at FROM app_passes ORDER BY id DESC LIMIT 1');
      if (pass?.finished_at != null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    const done = (await store.sql.get<{ n: number }>(`SELECT count(*) AS n FROM app_pass_repos WHERE state = 'done'`))!.n;
    return { workers, repos: Number(done), seconds, requests: fake.requests.length - requestsBefore };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('close', resolve)) : undefined)));
    await queue.close();
    await store.close();
    await withAdmin((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    await dropRedisPrefix(prefix);
    await Promise.all([fake.close(), web.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: Night[] = [];
for (const workers of WORKERS) {
  console.error(`  night with ${workers} worker${workers === 1 ? '' : 's'}…`);
  rows.push(await night(workers));
}
const base = rows.find((row) => row.workers === 1) ?? rows[0]!;
const perMinute = (row: Night) => (row.repos / row.seconds) * 60;
const header = ['workers', 'jobs at once', 'repositories', 'night s', 'repos/min', 'vs 1 worker', 'GitHub requests/repo'];
const table = rows.map((row) => [
  String(row.workers),
  String(row.workers * CONCURRENCY),
  String(row.repos),
  row.seconds.toFixed(1),
  perMinute(row).toFixed(0),
  `${(perMinute(row) / perMinute(base)).toFixed(2)}x`,
  (row.requests / row.repos).toFixed(1),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line(row));
console.log(`\n${REPOS} repositories, every GitHub answer ${LATENCY_MS} ms late; a fresh deployment's first night each (every report issue opened).`);
console.log('night s: from the fan-out queued to the pass closed by its last job. One run per row: the machine is shared, numbers are noisy.');
