import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './start-fake-github.js';
import { freePort } from '../free-port.js';

// The wiring of Probot's own e2e test: `probot run` as a child process, GHE_HOST at the fake.
const APP = `export default (app) => {
  app.on('issues.opened', async (context) => {
    if (context.isBot) return;
    await context.octokit.rest.issues.createComment(context.issue({ body: 'seen by a separate process' }));
  });
};\n`;

let fake: FakeGitHub;
let child: ChildProcess;
let port: number;

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.state.createRepo({ fullName: 'acme/awesome' });
  fake.state.install({ account: 'acme' });
  const dir = mkdtempSync(join(tmpdir(), 'fake-gh-probot-'));
  writeFileSync(join(dir, 'app.mjs'), APP);
  port = await freePort();
  child = spawn(process.execPath, [resolve('node_modules/probot/bin/probot.js'), 'run', join(dir, 'app.mjs')], {
    env: { PATH: process.env.PATH, ...fake.env, WEBHOOK_SECRET: 'secret', WEBHOOK_PATH: '/', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    stdio: 'ignore',
  });
  const start = Date.now();
  while (!(await fetch(`http://127.0.0.1:${port}/ping`).then((r) => r.ok, () => false))) {
    if (Date.now() - start > 15_000) throw new Error('probot did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  fake.webhooks.deliverTo({ url: `http://127.0.0.1:${port}/`, secret: 'secret' });
});
afterAll(async () => {
  child?.kill();
  await fake?.close();
});

it('serves a Probot child process started with GHE_HOST and GHE_PROTOCOL=http', async () => {
  fake.human.openIssue('acme/awesome', 'reader', 'Broken link');
  const start = Date.now();
  while (fake.inspect.issues('acme/awesome')[0]!.comments.length === 0) {
    if (Date.now() - start > 10_000) throw new Error(`no comment; requests: ${JSON.stringify(fake.requests)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(fake.inspect.issues('acme/awesome')[0]?.comments).toEqual([expect.objectContaining({ author: 'linkmedic[bot]', body: 'seen by a separate process' })]);
  expect(fake.requests.filter((r) => r.status < 300).map((r) => `${r.method} ${r.path}`)).toEqual([
    'POST /app/installations/' + [...fake.state.installations.keys()][0] + '/access_tokens',
    'POST /repos/acme/awesome/issues/1/comments',
  ]);
});
