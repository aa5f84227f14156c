import type { Octokit } from 'octokit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from './create-clients.js';
import { startFakeGitHub, type FakeGitHub } from './start-fake-github.js';

const repo = { owner: 'acme', repo: 'awesome' };
let fake: FakeGitHub;
let octokit: Octokit;
let clock = Date.parse('2026-01-01T03:00:00Z');

beforeAll(async () => {
  fake = await startFakeGitHub({ now: () => new Date(clock) });
  fake.state.createRepo({ fullName: 'acme/awesome' });
  fake.state.createRepo({ fullName: 'acme/no-issues', hasIssues: false });
  fake.state.createRepo({ fullName: 'acme/old', archived: true });
  const { id } = fake.state.install({ account: 'acme' });
  octokit = await createClients(fake).installation(id);
  for (let i = 1; i <= 7; i++) {
    clock += 60_000;
    await octokit.rest.issues.create({ ...repo, title: `dead link ${i}`, body: `<!-- key=${i} -->`, labels: i % 2 ? ['link-health'] : [] });
  }
});
afterAll(() => fake.close());

describe('issues', () => {
  it('paginates with Link headers (next and last) and per_page capped at 100', async () => {
    const first = await octokit.rest.issues.listForRepo({ ...repo, per_page: 3 });
    expect(first.data.map((i) => i.number)).toEqual([7, 6, 5]);
    expect(first.headers.link).toMatch(/page=2>; rel="next"/);
    expect(first.headers.link).toMatch(/page=3>; rel="last"/);
    expect(first.headers.link).toMatch(/\/api\/v3\/repositories\/\d+\/issues\?/);
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, per_page: 3 });
    expect(all.map((i) => i.number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const capped = await octokit.rest.issues.listForRepo({ ...repo, per_page: 500 });
    expect(capped.headers.link).toBeUndefined();
    expect(capped.data).toHaveLength(7);
    // Who closed an issue is only in the single-issue answer, as on GitHub.
    expect(capped.data.filter((issue) => 'closed_by' in issue)).toEqual([]);
    expect((await octokit.rest.issues.get({ ...repo, issue_number: 1 })).data).toHaveProperty('closed_by', null);
  });

  it.each([
    [{ labels: 'link-health' }, [7, 5, 3, 1]],
    [{ creator: 'linkmedic[bot]', direction: 'asc' as const, per_page: 2 }, [1, 2]],
    [{ since: '2026-01-01T03:05:00Z' }, [7, 6, 5]],
    [{ state: 'closed' as const }, []],
    [{ creator: 'someone-else' }, []],
  ])('filters %o', async (query, numbers) => {
    const { data } = await octokit.rest.issues.listForRepo({ ...repo, ...query });
    expect(data.map((i) => i.number)).toEqual(numbers);
  });

  it('records the app as author, via the app', async () => {
    const { data } = await octokit.rest.issues.get({ ...repo, issue_number: 1 });
    expect(data.user?.login).toBe('linkmedic[bot]');
    expect(data.user?.type).toBe('Bot');
    expect(data.performed_via_github_app?.slug).toBe('linkmedic');
    expect(data.created_at).toBe('2026-01-01T03:01:00Z');
  });

  it('rejects bodies over 65,536 characters with 422 and accepts exactly 65,536', async () => {
    const tooLong = octokit.rest.issues.create({ ...repo, title: 'big', body: 'x'.repeat(65_537) });
    await expect(tooLong).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ resource: 'Issue', field: 'body', code: 'custom', message: 'body is too long (maximum is 65536 characters)' }] } },
    });
    const edit = octokit.rest.issues.update({ ...repo, issue_number: 1, body: 'y'.repeat(65_537) });
    await expect(edit).rejects.toMatchObject({ status: 422 });
    const comment = octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'z'.repeat(65_537) });
    await expect(comment).rejects.toMatchObject({ status: 422 });
    const ok = await octokit.rest.issues.update({ ...repo, issue_number: 2, body: 'y'.repeat(65_536) });
    expect(ok.data.body).toHaveLength(65_536);
  });

  it('rejects a missing title with 422', async () => {
    await expect(octokit.request('POST /repos/{owner}/{repo}/issues', { ...repo, body: 'no title' } as never)).rejects.toMatchObject({ status: 422 });
  });

  it('answers 410 when issues are disabled and 403 on archived repositories', async () => {
    await expect(octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'no-issues' })).rejects.toMatchObject({
      status: 410,
      message: expect.stringContaining('Issues are disabled for this repo'),
    });
    await expect(octokit.rest.issues.create({ owner: 'acme', repo: 'old', title: 't' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Repository was archived so is read-only.'),
    });
    expect((await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'old' })).status).toBe(200);
  });

  it('updates title, state and state_reason, and tells who closed it (closed_by, events)', async () => {
    await octokit.rest.issues.update({ ...repo, issue_number: 3, title: 'renamed', state: 'closed', state_reason: 'not_planned' });
    const { data } = await octokit.rest.issues.get({ ...repo, issue_number: 3 });
    expect(data).toMatchObject({ title: 'renamed', state: 'closed', state_reason: 'not_planned', closed_by: { login: 'linkmedic[bot]' } });
    fake.human.reopenIssue('acme/awesome', 3, 'maintainer');
    fake.human.closeIssue('acme/awesome', 3, 'maintainer');
    const after = await octokit.rest.issues.get({ ...repo, issue_number: 3 });
    expect(after.data.closed_by?.login).toBe('maintainer');
    const events = await octokit.paginate(octokit.rest.issues.listEvents, { ...repo, issue_number: 3 });
    expect(events.map((e) => [e.event, e.actor?.login])).toEqual([
      ['renamed', 'linkmedic[bot]'],
      ['closed', 'linkmedic[bot]'],
      ['reopened', 'maintainer'],
      ['closed', 'maintainer'],
    ]);
  });

  it('creates, lists (paginated), edits and deletes comments', async () => {
    for (const body of ['a', 'b', 'c']) await octokit.rest.issues.createComment({ ...repo, issue_number: 4, body });
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: 4, per_page: 2 });
    expect(comments.map((c) => c.body)).toEqual(['a', 'b', 'c']);
    await octokit.rest.issues.updateComment({ ...repo, comment_id: comments[1]!.id, body: 'B' });
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: comments[0]!.id });
    expect(fake.inspect.issues('acme/awesome').find((i) => i.number === 4)?.comments.map((c) => c.body)).toEqual(['B', 'c']);
    await expect(octokit.rest.issues.getComment({ ...repo, comment_id: comments[0]!.id })).rejects.toMatchObject({ status: 404 });
  });

  it('manages labels: create (422 when it exists), add (creating unknown ones), remove (404 when absent)', async () => {
    await octokit.rest.issues.createLabel({ ...repo, name: 'dead-link', color: 'b60205' });
    await expect(octokit.rest.issues.createLabel({ ...repo, name: 'Dead-Link' })).rejects.toMatchObject({ status: 422 });
    const added = await octokit.rest.issues.addLabels({ ...repo, issue_number: 5, labels: ['dead-link', 'brand-new'] });
    expect(added.data.map((l) => l.name)).toEqual(['link-health', 'dead-link', 'brand-new']);
    const removed = await octokit.rest.issues.removeLabel({ ...repo, issue_number: 5, name: 'link-health' });
    expect(removed.data.map((l) => l.name)).toEqual(['dead-link', 'brand-new']);
    await expect(octokit.rest.issues.removeLabel({ ...repo, issue_number: 5, name: 'link-health' })).rejects.toMatchObject({ status: 404 });
    expect(fake.inspect.labels('acme/awesome')).toEqual(expect.arrayContaining(['link-health', 'dead-link', 'brand-new']));
  });

  it('shares the number sequence with pull requests and lists them among issues', async () => {
    fake.human.push('acme/awesome', 'feature', 'contributor', { 'README.md': 'changed\n' });
    const pr = await octokit.rest.pulls.create({ ...repo, title: 'pr', head: 'feature', base: 'main' });
    expect(pr.data.number).toBe(8);
    const { data } = await octokit.rest.issues.listForRepo({ ...repo, per_page: 1 });
    expect(data[0]).toMatchObject({ number: 8, pull_request: { merged_at: null } });
  });
});
