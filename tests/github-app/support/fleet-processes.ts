import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BullWorkQueue } from '../../../src/github-app/jobs/bull-work-queue.js';
import type { HistoryStore } from '../../../src/store/history-store.js';
import { openStore } from '../../../src/store/open-store.js';
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js';
import { startFakeHub } from '../../support/fake-hub/fake-hub.js';
import { startFakeWayback } from '../../support/fake-wayback/fake-wayback.js';
import { startSimulatedWeb, type SimulatedWeb } from '../../support/simulated-web/index.js';
import { TEST_REDIS_URL } from '../../support/test-redis.js';
import { SECRET } from './app-harness.js';
import type { FleetHarness } from './fleet-scenario.js';
import { unfinishedJobs, waitFor } from './queue-harness.js';
import { freePort } from '../../support/free-port.js';

const root = path.resolve(import.meta.dirname, '../../..');

export interface AppProcess {
  name: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The deployment of issue 9 §5 on the fakes: one web process, worker processes, Postgres and Redis. */
export interface FleetProcesses extends FleetHarness {
  web: SimulatedWeb;
  store: HistoryStore;
  queue: BullWorkQueue;
  workers: AppProcess[];
  close(): Promise<void>;
}

/** Starts the processes (`web`, `worker-1`, …) and the fakes they reach through their environment. */
export async function startFleetProcesses(options: { start: Date; databaseUrl: string; prefix: string; workers: number }): Promise<FleetProcesses> {
  const clockFile = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-fleet-')), 'clock');
  const setNow = (at: Date) => writeFileSync(clockFile, at.toISOString());
  setNow(options.start);
  let clock = options.start;
  const [web, hub, wayback] = await Promise.all([startSimulatedWeb(), startFakeHub(), startFakeWayback()]);
  const fake: FakeGitHub = await startFakeGitHub({ now: () => clock });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...fake.env,
    WEBHOOK_SECRET: SECRET,
    HOST: '127.0.0.1',
    PORT: String(port),
    // Every worker on this machine answers its probes on a port of its own.
    METRICS_PORT: '0',
    REDIS_URL: TEST_REDIS_URL,
    LINKMEDIC_REDIS_PREFIX: options.prefix,
    LINKMEDIC_ALLOW_PRIVATE_NETWORKS: 'true',
    LINKMEDIC_CRON: 'off',
    LOG_LEVEL: 'info',
    LINKMEDIC_TEST_CLOCK: clockFile,
    LINKMEDIC_TEST_DB: options.databaseUrl,
    HF_ENDPOINT: hub.url,
    WAYBACK_API_URL: wayback.url,
  };
  const spawnApp = (name: string, role: 'web' | 'worker'): AppProcess => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/github-app/support/app-process.ts'), role], {
      cwd: root,
      env: { ...env, LINKMEDIC_TEST_WORKER: name },
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { name, child, output: () => output, exited: new Promise((resolve) => child.on('close', resolve)) };
  };
  // Migrations run once, here, before three processes would race for them (they would wait on the lock).
  const store = await openStore({ path: options.databaseUrl, now: () => clock });
  const processes = [spawnApp('web', 'web'), ...Array.from({ length: options.workers }, (_, i) => spawnApp(`worker-${i + 1}`, 'worker'))];
  await Promise.all(processes.map((app) => waitFor(() => app.output().includes(`ready ${app.name === 'web' ? 'web' : 'worker'}`) || app.child.exitCode !== null, `${app.name} to start`, 60_000)));
  const dead = processes.find((app) => app.child.exitCode !== null);
  if (dead) {
    // The others are running: a failed start must not leave them behind the test.
    for (const app of processes) app.child.kill('SIGKILL');
    await Promise.all(processes.map((app) => app.exited));
    await store.close();
    throw new Error(`${dead.name} did not start:\n${dead.output()}`);
  }
  fake.webhooks.deliverTo({ url: `http://127.0.0.1:${port}/api/github/webhooks`, secret: SECRET });
  const queue = new BullWorkQueue({ url: TEST_REDIS_URL, prefix: options.prefix }, { error: () => undefined });
  const workers = processes.slice(1);

  const settle = async () => {
    for (;;) {
      const before = fake.webhooks.sent.length;
      await fake.webhooks.settled();
      await waitFor(async () => (await unfinishedJobs(queue.queue)) === 0, 'the queue to drain', 60_000);
      if (fake.webhooks.sent.length === before) return;
    }
  };
  return {
    fake,
    web,
    store,
    queue,
    workers,
    setNow: (at) => {
      clock = at;
      setNow(at);
    },
    settle,
    async night(at) {
      clock = at;
      setNow(at);
      await settle();
      // What the job scheduler adds at each tick.
      await queue.add({ kind: 'nightly-pass', trigger: 'schedule' });
      const finished = async () => (await store.sql.get<{ n: number }>('SELECT count(*) AS n FROM app_passes WHERE started_at = ? AND finished_at IS NOT NULL', [at.getTime()]))!.n === 1;
      await waitFor(finished, `the pass of ${at.toISOString()} to finish`, 120_000);
      await settle();
    },
    async close() {
      fake.webhooks.deliverTo(null);
      for (const app of processes) if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGTERM');
      await Promise.all(processes.map((app) => app.exited));
      await queue.close();
      await store.close();
      await Promise.all([fake.close(), web.close(), hub.close(), wayback.close()]);
    },
  };
}
