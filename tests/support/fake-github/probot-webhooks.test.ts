import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '@octokit/webhooks-methods';
import { createNodeMiddleware, createProbot, ProbotOctokit, type Probot } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from './create-clients.js';
import { startFakeGitHub, type FakeGitHub } from './start-fake-github.js';
import { signWebhook } from './webhooks/webhook-outbox.js';

const SECRET = 'webhook-secret';
let fake: FakeGitHub;
let probot: Probot;
let server: Server;
const configs: unknown[] = [];

// A tiny app: reads its config like linkmedic will, and answers new issues with a comment.
const appFn = (app: Probot) => {
  app.on('issues.opened', async (context) => {
    if (context.isBot) return;
    configs.push(await context.config('linkmedic.yml'));
    await context.octokit.rest.issues.createComment(context.issue({ body: 'thanks' }));
  });
};

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.state.createRepo({ fullName: 'acme/awesome', files: { 'README.md': '# x\n', '.github/linkmedic.yml': 'schedule: weekly\nissues:\n  max: 3\n' } });
  // Probot is pointed at the fake exactly as in production on GitHub Enterprise: GHE_HOST + GHE_PROTOCOL.
  probot = createProbot({
    env: { ...fake.env, WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'fatal' },
    overrides: { Octokit: ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } }) },
  });
  const middleware = await createNodeMiddleware(appFn, { probot, webhooksPath: '/' });
  server = createServer((req, res) => void middleware(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.webhooks.deliverTo({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, secret: SECRET });
});
afterAll(async () => {
  await fake.close();
  await new Promise((r) => server.close(r));
});

describe('Probot against the fake through GHE_HOST', () => {
  it('receives the installation webhook, reads config raw, and comments as the bot', async () => {
    const installation = fake.human.install({ account: 'acme', repositories: ['acme/awesome'] });
    const number = fake.human.openIssue('acme/awesome', 'reader', 'Broken link', 'https://dead.example');
    await fake.webhooks.settled();
    await waitFor(() => fake.inspect.issues('acme/awesome')[0]!.comments.length === 1);
    await fake.webhooks.settled();
    expect(configs).toEqual([{ schedule: 'weekly', issues: { max: 3 } }]);
    expect(fake.inspect.issues('acme/awesome')[0]).toMatchObject({ number, comments: [{ author: 'linkmedic[bot]', body: 'thanks' }] });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        `POST /app/installations/${installation.id}/access_tokens`,
        'GET /repos/acme/awesome/contents/.github/linkmedic.yml',
        'POST /repos/acme/awesome/issues/1/comments',
      ]),
    );
    expect(fake.webhooks.deliveries.map((d) => [d.event.name, d.event.payload.action, d.status])).toEqual([
      ['installation', 'created', 200],
      ['issues', 'opened', 200],
      ['issue_comment', 'created', 200],
    ]);
  });

  it('works in-process too: emitted events can be fed to probot.receive()', async () => {
    fake.webhooks.deliverTo(null);
    fake.webhooks.takeNew();
    fake.human.openIssue('acme/awesome', 'reader', 'Another', '');
    const [opened] = fake.webhooks.takeNew();
    await probot.receive(opened as Parameters<Probot['receive']>[0]);
    expect(fake.inspect.issues('acme/awesome')[1]?.comments.map((c) => c.author)).toEqual(['linkmedic[bot]']);
  });
});

describe('webhook payloads', () => {
  it('are signed with x-hub-signature-256 that @octokit/webhooks-methods verifies', async () => {
    const event = fake.webhooks.sent[0]!;
    const { body, headers } = await signWebhook(event, SECRET);
    expect(await verify(SECRET, body, headers['x-hub-signature-256']!)).toBe(true);
    expect(await verify('other-secret', body, headers['x-hub-signature-256']!)).toBe(false);
    expect(headers).toMatchObject({ 'x-github-event': 'installation', 'x-github-delivery': event.id, 'content-type': 'application/json' });
  });

  it('carry the fields apps read, built from state', () => {
    fake.webhooks.takeNew();
    fake.human.closeIssue('acme/awesome', 1, 'maintainer', 'not_planned');
    fake.human.tickCheckbox('acme/awesome', fake.human.openIssue('acme/awesome', 'maintainer', 'report', '- [ ] recheck now\n- [ ] ignore x'), 'maintainer', 'ignore');
    fake.human.push('acme/awesome', 'linkmedic/fix-links', 'maintainer', { 'README.md': 'edited\n' }, 'by hand');
    const events = fake.webhooks.takeNew();
    expect(events.map((e) => `${e.name}.${e.payload.action ?? ''}`)).toEqual(['issues.closed', 'issues.opened', 'issues.edited', 'push.']);
    const [closed, , edited, push] = events as [typeof events[0], unknown, typeof events[0], typeof events[0]];
    expect(closed.payload).toMatchObject({
      issue: { number: 1, state: 'closed', state_reason: 'not_planned', closed_by: { login: 'maintainer' } },
      sender: { login: 'maintainer', type: 'User' },
      repository: { full_name: 'acme/awesome', default_branch: 'main' },
      installation: { id: expect.any(Number) },
    });
    expect(edited.payload).toMatchObject({ changes: { body: { from: '- [ ] recheck now\n- [ ] ignore x' } }, issue: { body: '- [ ] recheck now\n- [x] ignore x' } });
    expect(push.payload).toMatchObject({
      ref: 'refs/heads/linkmedic/fix-links',
      before: '0'.repeat(40),
      created: true,
      forced: false,
      pusher: { name: 'maintainer' },
      head_commit: { message: 'by hand', author: { email: fake.state.user('maintainer').email } },
    });
  });

  it('report pull_request opened, synchronize and closed (merged) from state', async () => {
    fake.webhooks.takeNew();
    fake.human.push('acme/awesome', 'feature', 'contributor', { 'a.md': 'a\n' });
    const octokit = await createClients(fake).installation([...fake.state.installations.keys()][0]!);
    const pr = await octokit.rest.pulls.create({ owner: 'acme', repo: 'awesome', title: 'feat', head: 'feature', base: 'main' });
    fake.human.push('acme/awesome', 'feature', 'contributor', { 'b.md': 'b\n' });
    fake.human.mergePull('acme/awesome', pr.data.number, 'maintainer');
    const names = fake.webhooks.takeNew().map((e) => `${e.name}.${e.payload.action ?? ''}`);
    expect(names).toEqual(['push.', 'pull_request.opened', 'push.', 'pull_request.synchronize', 'push.', 'pull_request.closed']);
    const closed = fake.webhooks.sent.at(-1)!.payload as { pull_request: { merged: boolean; merged_at: string | null } };
    expect(closed.pull_request.merged).toBe(true);
    expect(closed.pull_request.merged_at).not.toBeNull();
  });
});

describe('event builder', () => {
  it.each([
    ['installation', () => fake.events.installation([...fake.state.installations.keys()][0]!, 'created', 'acme'), { action: 'created', installation: { account: { login: 'acme' } } }],
    ['installation_repositories', () => fake.events.installationRepositoriesAdded([...fake.state.installations.keys()][0]!, ['acme/awesome'], 'acme'), { action: 'added', repositories_added: [{ full_name: 'acme/awesome' }] }],
    ['issues', () => fake.events.issues('acme/awesome', 1, 'opened', 'reader'), { action: 'opened', issue: { number: 1 }, sender: { login: 'reader' } }],
    ['push', () => fake.events.push('acme/awesome', 'refs/heads/main', null, 'maintainer'), { ref: 'refs/heads/main', created: true }],
  ])('builds %s from state without changing it', (_name, build, expected) => {
    const before = fake.webhooks.sent.length;
    const event = build();
    expect(event.payload).toMatchObject(expected);
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.webhooks.sent.length).toBe(before);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
