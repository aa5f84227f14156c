// One process of a queued deployment, from source: `web` is what `linkmedic serve --no-worker` starts,
// `worker` what `linkmedic worker` starts (the same product functions). The test's fakes are passed
// in the way the single-process harness passes them (app-harness.ts), since a child process cannot
// be handed functions: the clock is read from a file the test writes, names under example.test
// resolve to 127.0.0.1 (the simulated web), and GitHub's pacing is the test pacing.
//
// Environment: the app's own variables (APP_ID, GHE_HOST, REDIS_URL, LINKMEDIC_REDIS_PREFIX, …) plus
// LINKMEDIC_TEST_CLOCK (file holding an ISO time), LINKMEDIC_TEST_DB (store path or postgres:// URL),
// LINKMEDIC_TEST_WORKER (worker name, stored on the jobs it takes), LINKMEDIC_TEST_CONCURRENCY (default 2).
import { readFileSync } from 'node:fs';
import { readAppSettings } from '../../../src/github-app/app-settings.js';
import { startAppServer } from '../../../src/github-app/start-app-server.js';
import { startAppWorker } from '../../../src/github-app/start-app-worker.js';
import { createHttpClient } from '../../../src/http/create-http-client.js';
import { openStore } from '../../../src/store/open-store.js';
import { createTestLookup } from '../../support/simulated-web/create-test-lookup.js';
import { TEST_PACING } from './app-harness.js';
import { TEST_LOCKS } from './queue-harness.js';

const role = process.argv[2];
const env = process.env;
const clockFile = env.LINKMEDIC_TEST_CLOCK!;
const now = () => new Date(readFileSync(clockFile, 'utf8').trim());
const lookup = createTestLookup((name) => (name === 'example.test' || name.endsWith('.example.test') ? '127.0.0.1' : undefined));
const settings = readAppSettings(env, process.cwd(), { webhooks: role === 'web' });
const store = await openStore({ path: env.LINKMEDIC_TEST_DB!, now });
const deps = {
  store,
  now,
  env: { HF_ENDPOINT: env.HF_ENDPOINT, WAYBACK_API_URL: env.WAYBACK_API_URL },
  createHttpClient: ({ allowPrivateNetworks, env: httpEnv }: { allowPrivateNetworks: boolean; env: Record<string, string | undefined> }) =>
    createHttpClient({ env: { ...httpEnv }, lookup, allowPrivateNetworks }),
  check: { retries: 0, backoffMs: 0 },
  sleep: async () => {},
  pacing: TEST_PACING,
  queueBackoffMs: 100,
};
const app =
  role === 'web'
    ? await startAppServer(settings, { ...deps, worker: false })
    : await startAppWorker(settings, { ...deps, worker: { concurrency: Number(env.LINKMEDIC_TEST_CONCURRENCY ?? 2), name: env.LINKMEDIC_TEST_WORKER!, ...TEST_LOCKS } });
process.stderr.write(`ready ${role}\n`);
process.once('SIGTERM', () => {
  void app
    .stop()
    .then(() => store.close())
    .then(() => process.exit(0));
});
