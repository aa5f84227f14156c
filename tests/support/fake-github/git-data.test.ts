import { createHash } from 'node:crypto';
import type { Octokit } from 'octokit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from './create-clients.js';
import { startFakeGitHub, type FakeGitHub } from './start-fake-github.js';

const repo = { owner: 'acme', repo: 'awesome' };
let fake: FakeGitHub;
let octokit: Octokit;

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.state.createRepo({
    fullName: 'acme/awesome',
    files: { 'README.md': '# Awesome\n- [a](https://a.example)\n', '.github/linkmedic.yml': 'schedule: nightly\n', 'docs/more.md': 'more\n' },
  });
  octokit = await createClients(fake).installation(fake.state.install({ account: 'acme' }).id);
});
afterAll(() => fake.close());

describe('contents', () => {
  it('serves a file as JSON with base64 content and a git blob sha', async () => {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: 'README.md' });
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file');
    const text = Buffer.from(data.content, 'base64').toString('utf8');
    expect(text).toBe('# Awesome\n- [a](https://a.example)\n');
    const gitSha = createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0${text}`).digest('hex');
    expect(data.sha).toBe(gitSha);
  });

  it('serves the raw media type the way octokit-plugin-config reads it', async () => {
    const res = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { ...repo, path: '.github/linkmedic.yml', mediaType: { format: 'raw' } });
    expect(res.headers['content-type']).toBe('application/vnd.github.raw; charset=utf-8');
    expect(res.data).toBe('schedule: nightly\n');
  });

  it('lists directories, and answers 404 for missing paths and unknown refs', async () => {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: '' });
    expect((data as Array<{ name: string; type: string }>).map((e) => [e.name, e.type])).toEqual([
      ['.github', 'dir'],
      ['README.md', 'file'],
      ['docs', 'dir'],
    ]);
    await expect(octokit.rest.repos.getContent({ ...repo, path: 'nope.md' })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.rest.repos.getContent({ ...repo, path: 'README.md', ref: 'no-branch' })).rejects.toMatchObject({ status: 404 });
  });

  it('creates and updates files with the sha check (422 without sha, 409 on mismatch)', async () => {
    const content = (s: string) => Buffer.from(s).toString('base64');
    const created = await octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: 'new.md', message: 'add', content: content('one\n') });
    expect(created.status).toBe(201);
    const noSha = octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: 'new.md', message: 'x', content: content('two\n') });
    await expect(noSha).rejects.toMatchObject({ status: 422, message: expect.stringContaining('"sha" wasn\'t supplied.') });
    const wrong = octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: 'new.md', message: 'x', content: content('two\n'), sha: 'deadbeef' });
    await expect(wrong).rejects.toMatchObject({ status: 409, message: expect.stringContaining('new.md does not match deadbeef') });
    const updated = await octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: 'new.md', message: 'x', content: content('two\n'), sha: created.data.content!.sha! });
    expect(updated.status).toBe(200);
    expect(fake.inspect.file('acme/awesome', 'new.md')).toBe('two\n');
    expect(updated.data.commit.author?.name).toBe('linkmedic[bot]');
  });
});

describe('git data', () => {
  it('round-trips blob → tree (base_tree) → commit → ref, and shows it in compare', async () => {
    const main = await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' });
    const base = await octokit.rest.git.getCommit({ ...repo, commit_sha: main.data.object.sha });
    const blob = await octokit.rest.git.createBlob({ ...repo, content: '# Awesome\n- [a](https://b.example)\n', encoding: 'utf-8' });
    const tree = await octokit.rest.git.createTree({
      ...repo,
      base_tree: base.data.tree.sha,
      tree: [
        { path: 'README.md', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: 'docs/more.md', mode: '100644', type: 'blob', sha: null },
        { path: 'docs/new/deep.md', mode: '100644', type: 'blob', content: 'deep\n' },
      ],
    });
    const commit = await octokit.rest.git.createCommit({ ...repo, message: 'Fix links', tree: tree.data.sha, parents: [main.data.object.sha] });
    expect(commit.data.author.name).toBe('linkmedic[bot]');
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/linkmedic/fix-links', sha: commit.data.sha });
    await expect(octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/linkmedic/fix-links', sha: commit.data.sha })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Reference already exists'),
    });
    const files = fake.inspect.files('acme/awesome', 'linkmedic/fix-links')!;
    expect(Object.keys(files).sort()).toEqual(['.github/linkmedic.yml', 'README.md', 'docs/new/deep.md', 'new.md']);
    const cmp = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: 'main...linkmedic/fix-links' });
    expect(cmp.data).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1 });
    expect(cmp.data.files?.map((f) => [f.filename, f.status])).toEqual([
      ['README.md', 'modified'],
      ['docs/more.md', 'removed'],
      ['docs/new/deep.md', 'added'],
    ]);
    expect(cmp.data.files?.[0]?.patch).toBe('@@ -1,2 +1,2 @@\n # Awesome\n-- [a](https://a.example)\n+- [a](https://b.example)');
  });

  it('rejects non-fast-forward ref updates with 422 unless forced', async () => {
    const main = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;
    const branch = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/linkmedic/fix-links' })).data.object.sha;
    const tree = (await octokit.rest.git.getCommit({ ...repo, commit_sha: main })).data.tree.sha;
    const sibling = await octokit.rest.git.createCommit({ ...repo, message: 'rebuilt', tree, parents: [main] });
    const update = octokit.rest.git.updateRef({ ...repo, ref: 'heads/linkmedic/fix-links', sha: sibling.data.sha });
    await expect(update).rejects.toMatchObject({ status: 422, message: expect.stringContaining('Update is not a fast forward') });
    await octokit.rest.git.updateRef({ ...repo, ref: 'heads/linkmedic/fix-links', sha: sibling.data.sha, force: true });
    expect(fake.inspect.branches('acme/awesome')['linkmedic/fix-links']).toBe(sibling.data.sha);
    expect(branch).not.toBe(sibling.data.sha);
  });

  it('lists commits with author identities so foreign pushes are visible', async () => {
    fake.human.push('acme/awesome', 'linkmedic/fix-links', 'maintainer', { 'README.md': 'hand edit\n' }, 'hand edit');
    const cmp = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: 'main...linkmedic/fix-links' });
    expect(cmp.data.commits.map((c) => [c.commit.message, c.author?.login, c.commit.committer?.email])).toEqual([
      ['rebuilt', 'linkmedic[bot]', fake.state.app.bot.email],
      ['hand edit', 'maintainer', fake.state.user('maintainer').email],
    ]);
    const listed = await octokit.paginate(octokit.rest.repos.listCommits, { ...repo, sha: 'linkmedic/fix-links', per_page: 1 });
    expect(listed.map((c) => c.commit.message)).toEqual(['hand edit', 'rebuilt', 'x', 'add', 'Initial commit']);
  });

  it('deletes refs (204) and answers 422 for a missing ref', async () => {
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/tmp', sha: fake.inspect.branches('acme/awesome').main! });
    expect((await octokit.rest.git.deleteRef({ ...repo, ref: 'heads/tmp' })).status).toBe(204);
    await expect(octokit.rest.git.deleteRef({ ...repo, ref: 'heads/tmp' })).rejects.toMatchObject({ status: 422 });
    await expect(octokit.rest.git.getRef({ ...repo, ref: 'heads/tmp' })).rejects.toMatchObject({ status: 404 });
  });
});
