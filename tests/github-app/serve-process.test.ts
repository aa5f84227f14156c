import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.js';
import { deliverWebhook, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { BOT, SECRET } from './support/app-harness.js';
import { serveChild } from './support/serve-child.js';

let fake: FakeGitHub;

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(() => fake?.close());

describe('linkmedic serve (a child process, Probot pointed at GitHub through GHE_HOST)', () => {
  // From source, and as a user runs it: bin/linkmedic.js with the CLI bundle, Probot and Octokit from node_modules.
  it.each(['source', 'build'] as const)('verifies signatures, onboards a new installation, keeps secrets out of its logs and stops on SIGTERM (%s)', async (from) => {
    const owner = `acme-${from}`;
    fake.state.createRepo({ fullName: `${owner}/awesome`, files: { 'README.md': '# Catalog\n- [A](https://a.example.test/)\n', 'docs/more.md': '# More\n' } });
    const db = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-serve-')), 'linkmedic.db');
    const app = await serveChild({ ...fake.env, WEBHOOK_SECRET: SECRET, LINKMEDIC_DB: db, LOG_LEVEL: 'debug', LOG_FORMAT: 'json', LINKMEDIC_CRON: '0 4 * * *', LINKMEDIC_TZ: 'Europe/Berlin' }, from);
    try {
      expect(app.output()).toMatch(/nightly pass "0 4 \* \* \*" \(Europe\/Berlin\), next 20\d\d-\d\d-\d\dT0[23]:00:00\.000Z/);
      const target = { url: `http://127.0.0.1:${app.port}/api/github/webhooks`, secret: SECRET };

      // A forged delivery (wrong secret) is refused and does nothing.
      const installation = fake.state.install({ account: owner });
      const forged = await deliverWebhook(fake.events.installation(installation.id, 'created', owner), { ...target, secret: 'not-the-secret' });
      expect(forged).toBeGreaterThanOrEqual(400);

      fake.webhooks.deliverTo(target);
      const delivered = fake.webhooks.deliveries.length;
      fake.webhooks.emit(fake.events.installation(installation.id, 'created', owner));
      await fake.webhooks.settled();
      expect(fake.webhooks.deliveries.slice(delivered).map((delivery) => delivery.status)).toEqual([200]);
      await waitFor(() => fake.inspect.pulls(`${owner}/awesome`).length > 0, 'the onboarding pull request');
      const [pull] = fake.inspect.pulls(`${owner}/awesome`);
      expect(pull).toMatchObject({ title: 'Configure linkmedic', author: BOT, headRef: 'linkmedic/configure', state: 'open' });
      expect(fake.inspect.file(`${owner}/awesome`, '.github/linkmedic.yml', 'linkmedic/configure')).toMatch(/^files:\n {2}- README\.md\n {2}- docs\/more\.md\n/m);
      expect(fake.requests.some((request) => request.caller === 'anonymous' && request.method !== 'GET')).toBe(false);
    } finally {
      app.child.kill('SIGTERM');
    }
    expect(await app.exited).toBe(0);
    const logs = app.output();
    expect(logs).toContain('"msg":"repository added"');
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toContain('PRIVATE KEY');
    expect(logs).not.toMatch(/ghs_[A-Za-z0-9]{16,}/);
    fake.webhooks.deliverTo(null);
  }, 60_000);

  it('PORT=0: listens on a free port and says which; answers /healthz, /readyz and /metrics there', async () => {
    const db = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-serve-')), 'linkmedic.db');
    const app = await serveChild({ ...fake.env, WEBHOOK_SECRET: SECRET, LINKMEDIC_DB: db, LOG_LEVEL: 'warn', LINKMEDIC_CRON: 'off', PORT: '0' });
    try {
      expect(app.port).not.toBe(3000);
      const base = `http://127.0.0.1:${app.port}`;
      expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok\n');
      const ready = await fetch(`${base}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', checks: { database: { status: 'ok', detail: expect.stringMatching(/^sqlite schema \d+$/) } } }]);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/^linkmedic_repository_runs_total\{outcome="done"\} 0$/m);
      expect(metrics).toMatch(/^linkmedic_queue_jobs\{state="waiting"\} 0$/m);
      // `serve` adds the process's own metrics.
      expect(metrics).toMatch(/^process_resident_memory_bytes \d+/m);
    } finally {
      app.child.kill('SIGTERM');
    }
    expect(await app.exited).toBe(0);
  }, 30_000);

  it('without an app, serves the registration page with the manifest of app.yml', async () => {
    const app = await serveChild({ NO_SMEE_SETUP: 'true', LOG_LEVEL: 'warn' });
    try {
      const page = await (await fetch(`http://127.0.0.1:${app.port}/probot`)).text();
      const manifest = /id="manifest" value='([^']*)'/.exec(page)?.[1];
      expect(manifest, page.slice(0, 500)).toBeDefined();
      const parsed = JSON.parse(manifest!) as Record<string, unknown>;
      expect(parsed).toMatchObject({
        name: 'linkmedic',
        description: expect.stringContaining('curated catalog'),
        default_events: ['push', 'pull_request', 'issues', 'issue_comment'],
        default_permissions: { contents: 'write', issues: 'write', pull_requests: 'write', checks: 'write', metadata: 'read' },
        hook_attributes: { url: `http://127.0.0.1:${app.port}/` },
      });
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
    }
  }, 30_000);
});

describe('linkmedic run --repo', () => {
  it('checks one repository now and brings its report up to date; refuses a repository the app is not on', async () => {
    fake.state.createRepo({ fullName: 'beta/list', files: { 'README.md': '# List\n- [local](http://127.0.0.1:9/nothing)\n', '.github/linkmedic.yml': 'schedule: off\nallowPrivateNetworks: true\n' } });
    fake.state.install({ account: 'beta' });
    const env: NodeJS.ProcessEnv = { ...fake.env, LOG_LEVEL: 'fatal', LINKMEDIC_DB: path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-run-')), 'linkmedic.db'), LINKMEDIC_ALLOW_PRIVATE_NETWORKS: 'true' };
    const ran = await runCli(['run', '--repo', 'beta/list'], { env });
    expect(ran).toMatchObject({ code: 0, stdout: 'beta/list\tdone\tchecked 1 links\n' });
    expect(fake.inspect.issues('beta/list').map((issue) => [issue.title, issue.author])).toEqual([['Link health report', BOT]]);
    expect(fake.inspect.issues('beta/list')[0]!.body).toMatch(/### Failing, not yet confirmed \(1\)/);

    const missing = await runCli(['run', '--repo', 'nobody/nothing'], { env });
    expect(missing).toMatchObject({ code: 2, stderr: 'linkmedic: the app is not installed on nobody/nothing (install it on the repository first)\n' });
    expect((await runCli(['run', '--repo', 'not a repo'], { env })).code).toBe(2);
  }, 30_000);
});
