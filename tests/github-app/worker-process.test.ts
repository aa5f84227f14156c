import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BullWorkQueue } from '../../src/github-app/jobs/bull-work-queue.js';
import { runCli } from '../support/cli-harness.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { REDIS_AVAILABLE, TEST_REDIS_URL, dropRedisPrefix, newRedisPrefix } from '../support/test-redis.js';
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

/** `linkmedic worker` from source in a child process, as an operator starts it. */
async function worker(prefix: string): Promise<Spawned> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/support/run-cli.ts'), 'worker', '--concurrency', '1'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...fake.env,
      REDIS_URL: TEST_REDIS_URL,
      LINKMEDIC_REDIS_PREFIX: prefix,
      LINKMEDIC_DB: path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-worker-')), 'linkmedic.db'),
      LINKMEDIC_CRON: 'off',
      LOG_LEVEL: 'warn',
    },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await waitFor(() => stderr.includes('worker taking up to 1 jobs at once') || child.exitCode !== null, 'the worker to start', 30_000);
  return { child, stderr: () => stderr, exited };
}

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
