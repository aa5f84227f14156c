import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppSettings } from '../../src/github-app/app-settings.js';
import { createAppRuntime } from '../../src/github-app/create-app-runtime.js';
import { openStore } from '../../src/store/open-store.js';
import { MEMORY_DB } from '../../src/store/resolve-db-path.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { REDIS_AVAILABLE, TEST_REDIS_URL, dropRedisPrefix, newRedisPrefix, redisKeys } from '../support/test-redis.js';
import { TEST_PACING } from './support/app-harness.js';

let fake: FakeGitHub;
let installationId: number;
const prefixes: string[] = [];

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.state.createRepo({ fullName: 'acme/awesome', files: { 'README.md': '# list\n' } });
  installationId = fake.state.install({ account: 'acme' }).id;
});
afterAll(async () => {
  await fake?.close();
  await Promise.all(prefixes.map(dropRedisPrefix));
});

/** An app process as `linkmedic worker` builds it; reads and writes once through its installation client. */
async function readAndWrite(env: Record<string, string>): Promise<void> {
  const settings = readAppSettings({ ...fake.env, LOG_LEVEL: 'fatal', ...env }, process.cwd(), { webhooks: false });
  const { runtime, close } = await createAppRuntime(settings, { store: await openStore({ path: MEMORY_DB }), pacing: TEST_PACING });
  try {
    const octokit = await runtime.installation(installationId);
    await octokit.rest.repos.get({ owner: 'acme', repo: 'awesome' });
    await octokit.rest.issues.create({ owner: 'acme', repo: 'awesome', title: 'written through the shared limiter' });
  } finally {
    await close();
  }
}

describe('REDIS_URL and Probot', () => {
  it('finds ioredis installed at the very version Probot imports, so nothing is downloaded at run time', () => {
    const probotRequire = createRequire(createRequire(import.meta.url).resolve('probot'));
    const throttleOptions = readFileSync(path.join(path.dirname(probotRequire.resolve('probot')), 'octokit/get-octokit-throttle-options.js'), 'utf8');
    const wanted = /npxImport\("ioredis@([\d.]+)"/.exec(throttleOptions)?.[1];
    expect(wanted).toBeDefined();
    const installed = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('ioredis/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(wanted);
  });

  it.runIf(REDIS_AVAILABLE)("accounts GitHub's rate limits in Redis, one pace for every process of the deployment", async () => {
    const prefix = newRedisPrefix();
    prefixes.push(prefix);
    // Two processes of one deployment (same prefix), one request of each kind each.
    await readAndWrite({ REDIS_URL: TEST_REDIS_URL, LINKMEDIC_REDIS_PREFIX: prefix });
    await readAndWrite({ REDIS_URL: TEST_REDIS_URL, LINKMEDIC_REDIS_PREFIX: prefix });
    const keys = await redisKeys(prefix);
    expect(keys).toEqual(expect.arrayContaining([`b_octokit-global-${prefix}_settings`, `b_linkmedic-write-${prefix}_settings`, `b_linkmedic-notifications-${prefix}_settings`]));
    const redis = new Redis(TEST_REDIS_URL);
    try {
      // Both processes' issue creations went through the one write limiter.
      expect(await redis.hget(`b_linkmedic-write-${prefix}_settings`, 'done')).toBe('2');
      expect(await redis.hget(`b_linkmedic-notifications-${prefix}_settings`, 'done')).toBe('2');
    } finally {
      redis.disconnect();
    }

    // Without REDIS_URL the limiters stay in the process: nothing is written to Redis.
    const local = newRedisPrefix();
    await readAndWrite({ LINKMEDIC_REDIS_PREFIX: local });
    expect(await redisKeys(local)).toEqual([]);
  });
});
