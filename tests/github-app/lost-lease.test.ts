import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppSettings } from '../../src/github-app/app-settings.js';
import { createAppRuntime } from '../../src/github-app/create-app-runtime.js';
import { findRepoTarget } from '../../src/github-app/repository/find-repo-target.js';
import { runRepository } from '../../src/github-app/repository/run-repository.js';
import { repoLeaseName } from '../../src/github-app/runtime/repo-locks.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { TEST_PACING } from './support/app-harness.js';

let fake: FakeGitHub;
let links: Server;

beforeAll(async () => {
  links = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<title>page</title>'));
  await new Promise<void>((resolve) => links.listen(0, '127.0.0.1', resolve));
  fake = await startFakeGitHub();
  const base = `http://127.0.0.1:${(links.address() as AddressInfo).port}`;
  fake.state.createRepo({ fullName: 'acme/lost', files: { 'README.md': `# Lost\n- [ok](${base}/ok)\n`, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
  fake.state.install({ account: 'acme' });
});
afterAll(async () => {
  await fake?.close();
  await new Promise((resolve) => links?.close(resolve));
});

const until = async (condition: () => boolean, what: string): Promise<void> => {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('a run whose repository lease is lost mid-way', () => {
  it('writes nothing more to GitHub and ends with BUSY, leaving the repository to the process that took it', async () => {
    const env = { ...fake.env, LINKMEDIC_DB: path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-lost-')), 'linkmedic.db'), LINKMEDIC_ALLOW_PRIVATE_NETWORKS: 'true', LOG_LEVEL: 'fatal' };
    // A short lease, renewed every 150 ms, so the loss is noticed quickly.
    const { runtime, close } = await createAppRuntime(readAppSettings(env, process.cwd(), { webhooks: false }), { pacing: TEST_PACING, leases: { ttlMs: 300 } });
    try {
      let release!: () => void;
      const listed = new Promise<void>((resolve) => (release = resolve));
      fake.faults.delay({ match: (request) => request.method === 'GET' && request.path === '/repos/acme/lost/issues', until: () => listed });
      const target = await findRepoTarget(runtime, 'acme', 'lost');
      let lease: AbortSignal | undefined;
      const run = runtime.locks.run('acme/lost', (signal) => ((lease = signal), runRepository(runtime, target, { trigger: 'manual', signal }))).catch((error: unknown) => error);

      // The run has checked and recorded, and is reading the issues: another process takes the repository over.
      await until(() => fake.requests.some((request) => request.path === '/repos/acme/lost/issues' && request.status === 0), 'the run to list issues');
      await runtime.locks.releaseRepo('acme/lost');
      expect(await runtime.leases.table.tryAcquire(repoLeaseName('acme/lost'), 'elsewhere:1:other', new Date(), 60_000)).toBe(true);
      await until(() => lease?.aborted === true, 'the run to notice at its next renewal');
      const seen = fake.requests.length;
      release();

      expect(await run).toMatchObject({ code: 'BUSY', message: 'stopped writing: another process took the lease repo:acme/lost, or it was released by force' });
      expect(fake.requests.slice(seen).filter((request) => request.method !== 'GET')).toEqual([]);
      expect(fake.inspect.issues('acme/lost', { includePulls: true })).toEqual([]);
      // The lease is the other process's still.
      expect(await runtime.leases.table.holder(repoLeaseName('acme/lost'))).toMatchObject({ holder: 'elsewhere:1:other' });
    } finally {
      fake.faults.clear();
      await close();
    }
  }, 60_000);
});
