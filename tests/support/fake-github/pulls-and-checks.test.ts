import type { Octokit } from 'octokit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from './create-clients.js';
import { startFakeGitHub, type FakeGitHub } from './start-fake-github.js';

const repo = { owner: 'acme', repo: 'awesome' };
let fake: FakeGitHub;
let octokit: Octokit;

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.state.createRepo({ fullName: 'acme/awesome', files: { 'README.md': 'a\nb\nc\n', 'other.md': 'o\n' } });
  octokit = await createClients(fake).installation(fake.state.install({ account: 'acme' }).id);
});
afterAll(() => fake.close());

async function branchWith(name: string, files: Record<string, string>) {
  const content = (s: string) => Buffer.from(s).toString('base64');
  const main = fake.inspect.branches('acme/awesome').main!;
  await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${name}`, sha: main });
  for (const [path, text] of Object.entries(files)) {
    const current = await octokit.rest.repos.getContent({ ...repo, path, ref: name }).catch(() => null);
    const sha = current && !Array.isArray(current.data) ? current.data.sha : undefined;
    await octokit.rest.repos.createOrUpdateFileContents({ ...repo, path, branch: name, message: `edit ${path}`, content: content(text), ...(sha ? { sha } : {}) });
  }
}

describe('pull requests', () => {
  it('refuses a pull request without commits ahead, and a second one for the same head', async () => {
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/empty', sha: fake.inspect.branches('acme/awesome').main! });
    await expect(octokit.rest.pulls.create({ ...repo, title: 't', head: 'empty', base: 'main' })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ message: 'No commits between main and empty' }] } },
    });
    await branchWith('linkmedic/fix-links', { 'README.md': 'a\nB\nc\n' });
    const pr = await octokit.rest.pulls.create({ ...repo, title: 'Fix links', head: 'acme:linkmedic/fix-links', base: 'main', body: 'table' });
    expect(pr.data).toMatchObject({ number: 1, state: 'open', merged: false, head: { ref: 'linkmedic/fix-links', label: 'acme:linkmedic/fix-links' } });
    await expect(octokit.rest.pulls.create({ ...repo, title: 'again', head: 'linkmedic/fix-links', base: 'main' })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ message: 'A pull request already exists for acme:linkmedic/fix-links.' }] } },
    });
    await expect(octokit.rest.pulls.create({ ...repo, title: 'x', head: 'no-such', base: 'main' })).rejects.toMatchObject({ status: 422 });
  });

  it.each([
    [{ head: 'acme:linkmedic/fix-links' }, [1]],
    [{ head: 'acme:other' }, []],
    [{ base: 'main', state: 'all' as const }, [1]],
    [{ state: 'closed' as const }, []],
  ])('lists with %o', async (query, numbers) => {
    const { data } = await octokit.rest.pulls.list({ ...repo, ...query });
    expect(data.map((p) => p.number)).toEqual(numbers);
    // The list answers GitHub's simple form: merged_at, but no merged, mergeable or counts.
    for (const pull of data) {
      expect(pull).toHaveProperty('merged_at');
      for (const detail of ['merged', 'mergeable', 'merged_by', 'comments', 'commits', 'changed_files']) expect(pull).not.toHaveProperty(detail);
    }
  });

  it('shows the files with patches and the commits of a pull request', async () => {
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: 1 });
    expect(files).toMatchObject([{ filename: 'README.md', status: 'modified', additions: 1, deletions: 1, patch: '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c' }]);
    const commits = await octokit.paginate(octokit.rest.pulls.listCommits, { ...repo, pull_number: 1 });
    expect(commits.map((c) => c.commit.message)).toEqual(['edit README.md']);
  });

  it('closing unmerged keeps merged_at null; reopening and merging applies the branch to base', async () => {
    fake.human.closePull('acme/awesome', 1, 'maintainer');
    const closed = await octokit.rest.pulls.get({ ...repo, pull_number: 1 });
    expect(closed.data).toMatchObject({ state: 'closed', merged: false, merged_at: null });
    await octokit.rest.pulls.update({ ...repo, pull_number: 1, state: 'open', title: 'Fix 1 link' });
    fake.human.push('acme/awesome', 'main', 'maintainer', { 'other.md': 'changed on main\n' });
    const merge = await octokit.rest.pulls.merge({ ...repo, pull_number: 1, merge_method: 'squash' });
    expect(merge.data).toMatchObject({ merged: true, message: 'Pull Request successfully merged' });
    expect(fake.inspect.files('acme/awesome')).toMatchObject({ 'README.md': 'a\nB\nc\n', 'other.md': 'changed on main\n' });
    const merged = await octokit.rest.pulls.get({ ...repo, pull_number: 1 });
    expect(merged.data).toMatchObject({ state: 'closed', merged: true, merged_by: { login: 'linkmedic[bot]' } });
    expect(merged.data.merged_at).not.toBeNull();
    await expect(octokit.rest.pulls.merge({ ...repo, pull_number: 1 })).rejects.toMatchObject({ status: 405 });
  });

  it('refuses to merge conflicting changes (405) and a stale head sha (409)', async () => {
    await branchWith('conflict', { 'README.md': 'x\nB\nc\n' });
    const pr = await octokit.rest.pulls.create({ ...repo, title: 'c', head: 'conflict', base: 'main' });
    await expect(octokit.rest.pulls.merge({ ...repo, pull_number: pr.data.number, sha: 'f'.repeat(40) })).rejects.toMatchObject({ status: 409 });
    fake.human.push('acme/awesome', 'main', 'maintainer', { 'README.md': 'y\nB\nc\n' });
    await expect(octokit.rest.pulls.merge({ ...repo, pull_number: pr.data.number })).rejects.toMatchObject({ status: 405 });
  });

  it('closes an open pull request when its head branch is deleted', async () => {
    await branchWith('short-lived', { 'new.md': 'n\n' });
    const pr = await octokit.rest.pulls.create({ ...repo, title: 's', head: 'short-lived', base: 'main' });
    await octokit.rest.git.deleteRef({ ...repo, ref: 'heads/short-lived' });
    expect((await octokit.rest.pulls.get({ ...repo, pull_number: pr.data.number })).data.state).toBe('closed');
  });
});

describe('check runs', () => {
  const annotation = (line: number) => ({ path: 'README.md', start_line: line, end_line: line, annotation_level: 'failure' as const, message: `dead link ${line}` });

  it('accepts up to 50 annotations per request, rejects 51 with 422, and accumulates across updates', async () => {
    const head_sha = fake.inspect.branches('acme/awesome').main!;
    const output = (n: number) => ({ title: 'links', summary: 'summary', annotations: Array.from({ length: n }, (_, i) => annotation(i + 1)) });
    await expect(octokit.rest.checks.create({ ...repo, name: 'linkmedic', head_sha, output: output(51) })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('No more than 50 items are allowed; 51 were supplied.'),
    });
    const run = await octokit.rest.checks.create({ ...repo, name: 'linkmedic', head_sha, status: 'in_progress', output: output(50) });
    await octokit.rest.checks.update({ ...repo, check_run_id: run.data.id, conclusion: 'failure', output: output(20) });
    const { data } = await octokit.rest.checks.listForRef({ ...repo, ref: 'main' });
    expect(data.total_count).toBe(1);
    expect(data.check_runs[0]).toMatchObject({ name: 'linkmedic', status: 'completed', conclusion: 'failure', output: { annotations_count: 70 } });
    expect(fake.inspect.checkRuns('acme/awesome')[0]?.annotations).toHaveLength(70);
  });

  it.each([
    ['summary over 65,535 characters', { output: { title: 't', summary: 's'.repeat(65_536) } }],
    ['text over 65,535 characters', { output: { title: 't', summary: 's', text: 't'.repeat(65_536) } }],
    ['completed without a conclusion', { status: 'completed' as const }],
    ['an unknown head sha', { head_sha: 'a'.repeat(40) }],
  ])('rejects %s with 422', async (_name, extra) => {
    const head_sha = fake.inspect.branches('acme/awesome').main!;
    await expect(octokit.rest.checks.create({ ...repo, name: 'linkmedic', head_sha, ...extra })).rejects.toMatchObject({ status: 422 });
  });
});
