import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { BullWorkQueue, QUEUE_NAME } from '../../src/github-app/jobs/bull-work-queue.js';
import { runCli } from '../support/cli-harness.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { REDIS_AVAILABLE, TEST_REDIS_URL, dropRedisPrefix, newRedisPrefix } from '../support/test-redis.js';
import { BOT, SECRET } from './support/app-harness.js';
import { gate, unfinishedJobs, waitFor } from './support/queue-harness.js';

const root = path.resolve(import.meta.dirname, '../..');
let fake: FakeGitHub;
let installationId: number;
const prefixes: string[] = [];
const queues: BullWorkQueue[] = [];

beforeAll(async () => {
  fake = await startFakeGitHub();
  // Archived: welcoming it is one read, held by the test, and nothing written.
  fake.state.createRepo({ fullName: 'acme/slow', files: { 'README.md': '# Slow\n' }, archived: true });
  installationId = fake.state.install({ account: 'acme' }).id;
});
afterAll(() => fake?.close());
afterEach(async () => {
  fake.faults.clear();
  await Promise.all(queues.splice(0).map((queue) => queue.close()));
  await Promise.all(prefixes.splice(0).map(dropRedisPrefix));
});

interface Spawned {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

const appEnv = (prefix: string): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...fake.env,
  REDIS_URL: TEST_REDIS_URL,
  LINKMEDIC_REDIS_PREFIX: prefix,
  // Several workers of one test answer their probes on ports of their own.
  METRICS_PORT: '0',
  LINKMEDIC_DB: path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-worker-')), 'linkmedic.db'),
  LINKMEDIC_CRON: 'off',
  LOG_LEVEL: 'warn',
});

/**
 * The CLI in a child process, as an operator starts it, from source or as built (`bin/linkmedic.js`
 * and the bundle); resolves once it says `started`.
 */
async function start(args: string[], env: NodeJS.ProcessEnv, started: string, from: 'source' | 'build' = 'source'): Promise<Spawned> {
  const entry = from === 'build' ? [path.join(root, 'bin/linkmedic.js')] : ['--import', 'tsx', path.join(root, 'tests/support/run-cli.ts')];
  const child = spawn(process.execPath, [...entry, ...args], { cwd: root, env });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await waitFor(() => stderr.includes(started) || child.exitCode !== null, `${args[0]} to start`, 30_000);
  return { child, stderr: () => stderr, exited };
}

const worker = (prefix: string) => start(['worker', '--concurrency', '1'], appEnv(prefix), 'worker taking up to 1 jobs at once');

/** A queue of the test's own, and a job whose one GitHub request waits for the test. */
async function heldJob(): Promise<{ queue: BullWorkQueue; held: ReturnType<typeof gate> }> {
  const prefix = newRedisPrefix();
  prefixes.push(prefix);
  const queue = new BullWorkQueue({ url: TEST_REDIS_URL, prefix, backoffMs: 50 }, { error: () => undefined });
  queues.push(queue);
  const held = gate();
  fake.faults.delay({ times: 1, match: (request) => request.path === '/repos/acme/slow', until: () => (held.reach(), held.opened) });
  return { queue, held };
}

describe('linkmedic worker and serve --no-worker without Redis', () => {
  it.each([
    [['worker'], 'linkmedic: linkmedic worker needs REDIS_URL (the queue the web process fills) (without it, linkmedic serve runs everything in one process)\n'],
    [['serve', '--no-worker'], 'linkmedic: --no-worker needs REDIS_URL: without a queue, this process is the one that does the work (set REDIS_URL and start linkmedic worker processes, or drop --no-worker)\n'],
  ])('linkmedic %j refuses to start, in one line', async (args, stderr) => {
    expect(await runCli(args, { env: { ...fake.env } })).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe.runIf(REDIS_AVAILABLE)('linkmedic worker (a child process)', () => {
  it('finishes the job it is running on SIGTERM, then exits', async () => {
    const { queue, held } = await heldJob();
    const app = await worker(queue.queue.opts.prefix!);
    await queue.add({ kind: 'welcome', installationId, repo: 'acme/slow' });
    await held.reached;
    app.child.kill('SIGTERM');
    await waitFor(() => app.stderr().includes('SIGTERM: finishing the running jobs'), 'the worker to say it is stopping');
    held.open();
    expect(await app.exited).toBe(0);
    // Done, not abandoned: nothing waits, runs or is retried.
    expect(await unfinishedJobs(queue.queue)).toBe(0);
    expect(await queue.queue.getFailedCount()).toBe(0);
  }, 60_000);

  it('hands its job back to the queue at a second SIGTERM, and another worker finishes it', async () => {
    const { queue, held } = await heldJob();
    const app = await worker(queue.queue.opts.prefix!);
    await queue.add({ kind: 'welcome', installationId, repo: 'acme/slow' });
    await held.reached;
    app.child.kill('SIGTERM');
    await waitFor(() => app.stderr().includes('SIGTERM: finishing the running jobs'), 'the worker to say it is stopping');
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(app.stderr()).toContain('stopping now: running jobs go back to the queue for another worker');
    expect((await queue.queue.getJobs(['waiting'])).map((job) => job.name)).toEqual(['welcome']);
    held.open();

    const next = await worker(queue.queue.opts.prefix!);
    await waitFor(async () => (await unfinishedJobs(queue.queue)) === 0, 'the other worker to finish the job');
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    expect(await queue.queue.getFailedCount()).toBe(0);
  }, 60_000);
});

describe.runIf(REDIS_AVAILABLE)('linkmedic serve and run-nightly with REDIS_URL', () => {
  // Also as built: the bundle's throttling limiters share the Redis connection Probot (from node_modules) opens.
  it.each(['source', 'build'] as const)('serve answers webhooks and runs their jobs through the queue, keeps the nightly job scheduler, and exits on SIGTERM (%s)', async (from) => {
    const prefix = newRedisPrefix();
    prefixes.push(prefix);
    const owner = `serve-${from}`;
    fake.state.createRepo({ fullName: `${owner}/list`, files: { 'README.md': '# List\n' } });
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const env = { ...appEnv(prefix), WEBHOOK_SECRET: SECRET, HOST: '127.0.0.1', PORT: String(port), LINKMEDIC_CRON: '0 4 * * *', LINKMEDIC_TZ: 'Europe/Berlin' };
    const app = await start(['serve'], env, 'listening on', from);
    try {
      expect(app.stderr()).toContain(`queue on redis ${new URL(TEST_REDIS_URL).host} (prefix ${prefix}), jobs also run here; nightly pass "0 4 * * *" (Europe/Berlin) scheduled in the queue`);
      fake.webhooks.deliverTo({ url: `http://127.0.0.1:${port}/api/github/webhooks`, secret: SECRET });
      fake.human.install({ account: owner, repositories: [`${owner}/list`] });
      await fake.webhooks.settled();
      await waitFor(() => fake.inspect.pulls(`${owner}/list`).length > 0, 'the onboarding pull request');
      expect(fake.inspect.pulls(`${owner}/list`).map((pull) => [pull.title, pull.author])).toEqual([['Configure linkmedic', BOT]]);
      const queue = new Queue(QUEUE_NAME, { connection: { url: TEST_REDIS_URL }, prefix });
      try {
        expect((await queue.getJobSchedulers()).map((scheduler) => [scheduler.pattern, scheduler.tz])).toEqual([['0 4 * * *', 'Europe/Berlin']]);
      } finally {
        await queue.close();
      }
    } finally {
      fake.webhooks.deliverTo(null);
      app.child.kill('SIGTERM');
    }
    // Exiting on its own means every connection it opened (queue, worker, Probot's Redis) was closed.
    expect(await app.exited).toBe(0);
  }, 60_000);

  it('run-nightly queues the pass for the workers and returns', async () => {
    const prefix = newRedisPrefix();
    prefixes.push(prefix);
    const ran = await runCli(['run-nightly'], { env: { ...appEnv(prefix), LOG_LEVEL: 'fatal' } });
    expect(ran).toEqual({ code: 0, stdout: 'nightly pass queued: the workers run it (each repository is logged as it is done)\n', stderr: '' });
    const queue = new Queue(QUEUE_NAME, { connection: { url: TEST_REDIS_URL }, prefix });
    try {
      expect((await queue.getJobs(['waiting'])).map((job) => job.data)).toEqual([{ kind: 'nightly-pass', trigger: 'cli' }]);
    } finally {
      await queue.close();
    }
  });
});
