import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoConfigSchema } from '../../../src/config/repo-config.js';
import { checkPullRequest, type PullRequestCheckOutcome } from '../../../src/github-app/pull-request-check/check-pull-request.js';
import { respond } from '../../support/simulated-web/index.js';
import { startRepoRunHarness, type RepoRunHarness } from '../dead-link-issues/repo-run-harness.js';

let h: RepoRunHarness;
const link = (path: string) => h.web.url('links.example.test', path, 'https');
const BASE_README = (web: { url: (host: string, path: string, scheme: 'https') => string }) =>
  ['# List', '', `- [Old and dead](${web.url('links.example.test', '/old-dead', 'https')})`, `- [Fine](${web.url('links.example.test', '/fine', 'https')})`, ''].join('\n');

beforeAll(async () => {
  h = await startRepoRunHarness({ files: (web) => ({ 'README.md': BASE_README(web), 'CHANGELOG.md': '# Changes\n' }) });
  h.web.route('links.example.test', '/fine', respond.ok('fine'));
  h.web.route('links.example.test', '/new-fine', respond.ok('new'));
  h.web.route('links.example.test', '/login-only', respond.status(401));
  h.web.route('links.example.test', '/walled', respond.cloudflareChallenge());
  h.web.route('links.example.test', '/moved', respond.redirect(301, '/new-fine'));
});
afterAll(() => h.close());

/** A branch with these files changed, and a pull request from it, as the webhook would describe it. */
async function pullRequest(branch: string, files: Record<string, string | null>) {
  const head = h.fake.human.push(h.fullName, branch, 'contributor', files, `Change ${branch}`);
  const { data } = await h.octokit.rest.pulls.create({ owner: h.owner, repo: h.repo, title: branch, head: branch, base: 'main' });
  return { number: data.number, head: { sha: head }, base: { sha: data.base.sha } };
}
const check = async (pull: Awaited<ReturnType<typeof pullRequest>>): Promise<PullRequestCheckOutcome> =>
  checkPullRequest({ octokit: h.octokit, owner: h.owner, repo: h.repo, pull, config: repoConfigSchema.parse({}), http: h.http, env: {}, now: h.now, log: h.probot.log, check: { retries: 0, backoffMs: 0 } });
const runOf = (id: number) => h.fake.inspect.checkRuns(h.fullName).find((run) => run.id === id)!;
const readme = () => h.fake.inspect.file(h.fullName, 'README.md')!;

describe('pull request checks', () => {
  it('succeeds when the added links work, without rechecking the links already on the base branch', async () => {
    const pull = await pullRequest('add-fine', { 'README.md': `${readme()}- [New](${link('/new-fine')})\n` });
    const outcome = await check(pull);
    expect(outcome).toMatchObject({ status: 'completed', conclusion: 'success', addedLinks: 1, annotations: 0 });
    const run = runOf((outcome as { checkRunId: number }).checkRunId);
    expect(run).toMatchObject({ name: 'linkmedic', headSha: pull.head.sha, status: 'completed', conclusion: 'success', title: 'All 1 added link work' });
    expect(h.web.count('links.example.test', '/old-dead')).toBe(0);
    expect(h.web.count('links.example.test', '/fine')).toBe(0);
  });

  it('is neutral for restricted and blocked links, with a warning on each exact line', async () => {
    const text = `${readme()}- [Members](${link('/login-only')})\n- [Walled](${link('/walled')})\n`;
    const outcome = await check(await pullRequest('add-walled', { 'README.md': text }));
    expect(outcome).toMatchObject({ conclusion: 'neutral', addedLinks: 2 });
    const run = runOf((outcome as { checkRunId: number }).checkRunId);
    expect(run.annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([['README.md', 5, 'warning'], ['README.md', 6, 'warning']]);
    expect(run.annotations[0]).toMatchObject({ start_column: 13, end_column: 12 + link('/login-only').length, message: expect.stringContaining('restricted') });
    expect(run.summary).toContain('| Verdict | Detail |');
  });

  it('fails on dead links, sending more than 50 annotations in batches', async () => {
    const lines = Array.from({ length: 55 }, (_, i) => `- [Paper ${i}](${link(`/gone-${i}`)})`);
    const outcome = await check(await pullRequest('add-many', { 'lists/papers.md': ['# Papers', '', ...lines, `- [Moved](${link('/moved')})`, ''].join('\n') }));
    expect(outcome).toMatchObject({ conclusion: 'failure', addedLinks: 56, annotations: 56 });
    const run = runOf((outcome as { checkRunId: number }).checkRunId);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', title: '55 broken links added' });
    expect(run.annotations.filter((a) => a.annotation_level === 'failure').map((a) => a.start_line)).toEqual(Array.from({ length: 55 }, (_, i) => i + 3));
    expect(run.annotations.find((a) => a.annotation_level === 'notice')).toMatchObject({ start_line: 58, message: expect.stringContaining(`Link ${link('/new-fine')} directly.`) });
    const batches = h.fake.requests.filter((r) => r.path === `/repos/acme/awesome/check-runs/${run.id}` && r.method === 'PATCH');
    expect(batches.map((r) => r.status)).toEqual([200, 200]);
  });

  it('creates no check run for a pull request that touches no catalog file', async () => {
    const before = h.fake.inspect.checkRuns(h.fullName).length;
    const outcome = await check(await pullRequest('changelog', { 'CHANGELOG.md': `# Changes\n- see ${link('/gone-x')}\n`, 'src/a.ts': 'export {};\n' }));
    expect(outcome).toEqual({ status: 'not_catalog' });
    expect(h.fake.inspect.checkRuns(h.fullName)).toHaveLength(before);
  });
});
