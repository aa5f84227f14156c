import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { readAppSettings, type AppSettings } from '../../../src/github-app/app-settings.js';
import { createAppLog } from '../../../src/github-app/create-app-log.js';
import type { GithubPacing } from '../../../src/github-app/github/create-app-octokit.js';
import { runNightlyPass, type PassOutcome } from '../../../src/github-app/nightly/run-nightly-pass.js';
import type { AppRuntime } from '../../../src/github-app/runtime/app-runtime.js';
import { startAppServer, type RunningAppServer } from '../../../src/github-app/start-app-server.js';
import { createHttpClient } from '../../../src/http/create-http-client.js';
import type { HistoryStore } from '../../../src/store/history-store.js';
import { openStore } from '../../../src/store/open-store.js';
import { startFakeGitHub, type FakeGitHub } from '../../support/fake-github/index.js';
import { createFakeGithubApi, type FakeGithubApi, type FakeGithubApiOptions } from '../../support/fake-github-api/fake-github-api.js';
import { startFakeHub, type FakeHubOptions, type RunningFakeHub } from '../../support/fake-hub/fake-hub.js';
import { startFakeWayback, type RunningFakeWayback } from '../../support/fake-wayback/fake-wayback.js';
import { startSimulatedWeb, type SimulatedWeb } from '../../support/simulated-web/index.js';

export const DAY = 86_400_000;
export const SECRET = 'webhook-secret-for-tests';
export const BOT = 'linkmedic[bot]';

/** GitHub's pacing scaled down a thousandfold: same code paths, milliseconds instead of seconds. */
export const TEST_PACING: GithubPacing = { writeIntervalMs: 0, notificationIntervalMs: 0, retryAfterUnitMs: 1, maxRateLimitWaitSeconds: 3600 };

/**
 * The whole app against the stateful fake GitHub, wired as in production: settings read from an
 * environment with `GHE_HOST` / `GHE_PROTOCOL=http`, Probot's server receiving signed webhooks
 * over HTTP, the nightly pass as the scheduler runs it, SQLite on disk. Link targets live on the
 * simulated web, catalog repositories on the fake GitHub API (mounted for GraphQL), the Hub and
 * the Wayback Machine on their fakes. The clock is the test's.
 */
export interface AppHarness {
  fake: FakeGitHub;
  githubApi: FakeGithubApi;
  web: SimulatedWeb;
  hub: RunningFakeHub;
  wayback: RunningFakeWayback;
  settings: AppSettings;
  app: RunningAppServer;
  runtime: AppRuntime;
  store: HistoryStore;
  dbPath: string;
  /** Called on each request to the fake GitHub: a hook into "while the run is at this step". */
  onRequest: { hook?: (request: { method: string; path: string }) => void };
  /** Every log line the app wrote (JSON). */
  logs: string[];
  now(): Date;
  setNow(at: Date): void;
  /** Sets the clock, runs one nightly pass and waits until every webhook it caused was handled. */
  night(at: Date): Promise<PassOutcome>;
  /** Waits until webhooks are delivered and the work they queued is done, repeatedly, until quiet. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface AppHarnessOptions {
  start: Date;
  githubApi?: FakeGithubApiOptions;
  hub?: FakeHubOptions;
  dbPath?: string;
  /** Random 502s (before or after acting) and secondary rate limits on GitHub REST calls. */
  faults?: { seed: number; probability: number };
}

class Lines extends Writable {
  constructor(private readonly into: string[]) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.into.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
}

export async function startAppHarness(options: AppHarnessOptions): Promise<AppHarness> {
  let clock = options.start;
  const now = () => clock;
  const web = await startSimulatedWeb();
  const hub = await startFakeHub(options.hub);
  const wayback = await startFakeWayback();
  const githubApi = createFakeGithubApi(options.githubApi);
  const onRequest: AppHarness['onRequest'] = {};
  const fake = await startFakeGitHub({ now, extraHandlers: [githubApi.handler] });
  // Seeded faults on the app's REST calls (none at probability 0); the match is also the request hook.
  const faults = options.faults ?? { seed: 1, probability: 0 };
  fake.faults.random({
    ...faults,
    kinds: ['502', 'secondary'],
    when: 'either',
    match: (request) => {
      onRequest.hook?.(request);
      // GraphQL carries link verdicts: its failures change what is checked, not how GitHub is written.
      return request.path !== '/graphql';
    },
  });
  const dbPath = options.dbPath ?? path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-app-e2e-')), 'linkmedic.db');
  const settings = readAppSettings({
    ...fake.env,
    WEBHOOK_SECRET: SECRET,
    HOST: '127.0.0.1',
    PORT: '0',
    LINKMEDIC_DB: dbPath,
    LINKMEDIC_ALLOW_PRIVATE_NETWORKS: 'true',
    LOG_LEVEL: 'info',
    // The test drives the passes itself (`night`), as an external scheduler would.
    LINKMEDIC_CRON: 'off',
  });
  const logs: string[] = [];
  const log = createAppLog(settings, new Lines(logs));
  const store = await openStore({ path: dbPath, now });
  const app = await startAppServer(settings, {
    store,
    now,
    log,
    env: { HF_ENDPOINT: hub.url, WAYBACK_API_URL: wayback.url },
    createHttpClient: ({ allowPrivateNetworks, env }) => createHttpClient({ env: { ...env }, lookup: web.lookup, extraCaCerts: [web.caCert], allowPrivateNetworks }),
    check: { retries: 0, backoffMs: 0 },
    sleep: async () => {},
    pacing: TEST_PACING,
  });
  fake.webhooks.deliverTo({ url: `http://127.0.0.1:${app.port}${settings.webhookPath}`, secret: SECRET });

  const settle = async () => {
    for (;;) {
      const before = fake.webhooks.sent.length;
      await fake.webhooks.settled();
      await app.runtime.idle();
      if (fake.webhooks.sent.length === before) return;
    }
  };
  return {
    fake, githubApi, web, hub, wayback, settings, app, runtime: app.runtime, store, dbPath, logs, onRequest,
    now,
    setNow: (at) => {
      clock = at;
    },
    async night(at) {
      clock = at;
      await settle();
      const outcome = await runNightlyPass(app.runtime, { trigger: 'schedule' });
      await settle();
      return outcome;
    },
    settle,
    async close() {
      fake.webhooks.deliverTo(null);
      await app.stop();
      await store.close();
      await Promise.all([fake.close(), web.close(), hub.close(), wayback.close()]);
    },
  };
}
