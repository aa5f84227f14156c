import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIX_BRANCH } from '../../../src/github-app/fix-pull-request/fix-branch.js';
import { syncFixPullRequest } from '../../../src/github-app/fix-pull-request/sync-fix-pull-request.js';
import type { RepoConfigInput } from '../../../src/config/repo-config.js';
import { respond } from '../../support/simulated-web/index.js';
import { BOT, startRepoRunHarness, type RepoRunHarness } from '../dead-link-issues/repo-run-harness.js';

let h: RepoRunHarness;
const paper = (path: string) => h.web.url('papers.example.test', path, 'https');
const data = (path: string) => h.web.url('data.example.test', path, 'https');
const graph = () => h.web.url('graph.example.test', '/kg', 'https');

beforeAll(async () => {
  h = await startRepoRunHarness({
    githubRepos: ['acme/old-name'],
    files: (web) => ({
      'README.md': [
        '# Awesome',
        '',
        '## Papers',
        '',
        `- [Moved paper](${web.url('papers.example.test', '/moved', 'https')}) - a paper that moved.`,
        '- [Old repo](https://github.com/acme/old-name) - code.',
        `- Data set ${web.url('data.example.test', '/d/a', 'https')}\\_b - escaped.`,
        `- [Graph] (${web.url('graph.example.test', '/kg', 'https')}) data`,
        `- [Doomed](${web.url('papers.example.test', '/doomed', 'https')}) - will die.`,
        `- [Deep](${web.url('papers.example.test', '/deep', 'https')}) - sent to the home page.`,
        '',
      ].join('\n'),
      'docs/notes.txt': 'not markdown\n',
    }),
  });
  h.githubApi.store.rename('acme/old-name', 'acme/new-name');
  for (const path of ['/paper', '/doomed', '/', '/paper2', '/paper3']) h.web.route('papers.example.test', path, respond.ok(`<title>${path}</title>`));
  h.web.route('papers.example.test', '/moved', respond.redirect(301, '/paper'));
  h.web.route('papers.example.test', '/deep', respond.redirect(301, '/'));
  h.web.route('data.example.test', '/d/a_b', respond.ok('data'));
  h.web.route('graph.example.test', '/kg', respond.ok('graph'));
});
afterAll(() => h.close());

const readme = (ref?: string) => h.fake.inspect.file(h.fullName, 'README.md', ref)!;
const mainSha = () => h.fake.inspect.branches(h.fullName).main!;
const pulls = () => h.fake.inspect.pulls(h.fullName);
const editMain = (edit: (text: string) => string, login = 'maintainer') => h.fake.human.push(h.fullName, 'main', login, { 'README.md': edit(readme()) });
/** What the fix branch must hold: the default branch's README with exactly these rewrites. */
function fixedReadme(extra: Array<[string, string]> = []): string {
  let text = readme();
  const rewrites: Array<[string, string]> = [
    [`(${paper('/moved')})`, `(${paper('/paper')})`],
    ['(https://github.com/acme/old-name)', '(https://github.com/acme/new-name)'],
    [`${data('/d/a')}\\_b`, `${data('/d/a_b')}`],
    [`[Graph] (${graph()})`, `[Graph](${graph()})`],
    ...extra,
  ];
  for (const [from, to] of rewrites) {
    expect(text, from).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}
/** The branch is one commit by the app on top of the default branch's head. */
function expectOneBotCommitOnMain(): void {
  const [tip, parent] = h.fake.inspect.commits(h.fullName, FIX_BRANCH);
  expect(tip).toMatchObject({ parents: [mainSha()], author: expect.stringContaining('linkmedic[bot]') });
  expect(parent!.sha).toBe(mainSha());
}
const night = (config: RepoConfigInput = {}) => h.night(config);

describe('the rolling fix pull request over simulated nights', () => {
  it('opens one pull request whose single commit rewrites exactly the fixable spans, even when the answer is lost', async () => {
    const expected = fixedReadme();
    const run = await night();
    h.fake.faults.serverError({ times: 1, when: 'after', match: ({ method, path }) => method === 'POST' && path === '/repos/acme/awesome/pulls' });
    await expect(syncFixPullRequest(run)).rejects.toMatchObject({ code: 'EXTERNAL_SERVICE' });
    const outcome = await syncFixPullRequest(run);
    expect(outcome).toMatchObject({ action: 'unchanged', blockedByHuman: false, rejectedPairs: [] });
    expect(outcome.fixes.map((fix) => [fix.kind, fix.line])).toEqual([['permanent_redirect', 5], ['repo_rename', 6], ['markdown_fix', 7], ['markdown_fix', 8]]);
    expect(readme(FIX_BRANCH)).toBe(expected);
    expectOneBotCommitOnMain();
    const [pull] = pulls();
    expect(pull).toMatchObject({ number: outcome.pullRequest!.number, state: 'open', author: BOT, headRef: FIX_BRANCH, baseRef: 'main', title: 'linkmedic: fix 4 links' });
    expect(pull!.body).toContain(`| README.md | Moved paper | \`${paper('/moved')}\` | \`${paper('/paper')}\` | permanent redirect | Permanent redirect (301 → ${paper('/paper')}); the target answered 200 in this run. |`);
    expect(pull!.body).toContain('| README.md | Old repo | `https://github.com/acme/old-name` | `https://github.com/acme/new-name` | repository renamed | The GitHub API says the repository is now acme/new-name.');
    expect(pull!.body).toContain(`| \`[…] (${graph()})\` | \`[…](${graph()})\` | markdown fix |`);
    expect(pull!.body).not.toContain('/deep'); // a redirect to the home page is no fix

    h.takeRequests();
    expect((await syncFixPullRequest(run)).action).toBe('unchanged');
    expect(h.takeRequests({ writesOnly: true })).toEqual(['POST /repos/acme/awesome/git/trees']);
  });

  it('rebuilds the branch on the moved default branch without touching the description', async () => {
    editMain((text) => text.replace('# Awesome\n', '# Awesome\n\nA curated list.\n'));
    h.web.route('papers.example.test', '/doomed', respond.status(404));
    h.wayback.set(paper('/doomed'), { kind: 'found', captures: [{ timestamp: '20250505000000' }] });
    const body = pulls()[0]!.body;
    h.takeRequests();
    const outcome = await syncFixPullRequest(await night());
    expect(outcome.action).toBe('updated');
    expect(readme(FIX_BRANCH)).toBe(fixedReadme());
    expectOneBotCommitOnMain();
    expect(h.takeRequests({ writesOnly: true })).not.toContain(`PATCH /repos/acme/awesome/pulls/${outcome.pullRequest!.number}`);
    expect(pulls()).toHaveLength(1);
    expect(pulls()[0]!.body).toBe(body);
  });

  it('replaces a confirmed-dead link by its archived copy only when fixes.archive is on', async () => {
    const off = await syncFixPullRequest(await night());
    expect(off.fixes.map((fix) => fix.kind)).not.toContain('archive');
    expect(off.action).toBe('unchanged');
    const on = await syncFixPullRequest(await night({ fixes: { archive: true } }));
    expect(on.action).toBe('updated');
    expect(on.fixes.find((fix) => fix.kind === 'archive')).toMatchObject({ from: paper('/doomed'), to: expect.stringMatching(/^https:\/\/web\.archive\.org\/web\/20250505000000\//) });
    const archived = on.fixes.find((fix) => fix.kind === 'archive')!.to;
    expect(readme(FIX_BRANCH)).toBe(fixedReadme([[`(${paper('/doomed')})`, `(${archived})`]]));
    expect(pulls()[0]).toMatchObject({ title: 'linkmedic: fix 5 links', body: expect.stringContaining('archived copy of a dead link') });
  });

  it('closes the pull request with one comment when nothing is left to fix', async () => {
    editMain(() => fixedReadme().replace(/- \[Doomed\].*\n/, ''));
    const run = await night({ fixes: { archive: true } });
    const outcome = await syncFixPullRequest(run);
    expect(outcome).toMatchObject({ action: 'closed', fixes: [], pullRequest: { state: 'closed' } });
    expect(pulls()[0]).toMatchObject({ state: 'closed', merged: false, closedBy: BOT });
    expect(h.fake.inspect.branches(h.fullName)[FIX_BRANCH]).toBeUndefined();
    expect((await syncFixPullRequest(run)).action).toBe('none');
    const [issue] = h.fake.inspect.issues(h.fullName, { includePulls: true }).filter((i) => i.isPull);
    expect(issue!.comments.map((c) => c.body)).toEqual([expect.stringContaining('Nothing is left to fix')]);
  });

  it('never proposes again a pair from a pull request a human closed unmerged', async () => {
    h.web.route('papers.example.test', '/moved2', respond.redirect(301, '/paper2'));
    editMain((text) => `${text}- [Second](${paper('/moved2')})\n`);
    const opened = await syncFixPullRequest(await night());
    expect(opened).toMatchObject({ action: 'opened', fixes: [{ from: paper('/moved2'), to: paper('/paper2') }] });
    h.fake.human.closePull(h.fullName, opened.pullRequest!.number, 'maintainer');

    const after = await syncFixPullRequest(await night());
    expect(after).toMatchObject({ action: 'none', fixes: [], rejectedPairs: [{ from: paper('/moved2'), to: paper('/paper2') }] });
    expect(pulls().filter((p) => p.state === 'open')).toHaveLength(0);

    h.web.route('papers.example.test', '/moved3', respond.redirect(301, '/paper3'));
    editMain((text) => `${text}- [Third](${paper('/moved3')})\n`);
    const third = await syncFixPullRequest(await night());
    expect(third).toMatchObject({ action: 'opened', fixes: [{ from: paper('/moved3'), to: paper('/paper3') }] });
    expect(readme(FIX_BRANCH)).toBe(readme().replace(`(${paper('/moved3')})`, `(${paper('/paper3')})`));
  });

  it('stops rewriting a branch a human pushed to, and says so once', async () => {
    const human = h.fake.human.push(h.fullName, FIX_BRANCH, 'maintainer', { 'README.md': `${readme(FIX_BRANCH)}- [Mine](https://example.test/mine)\n` });
    for (let n = 0; n < 2; n++) {
      const outcome = await syncFixPullRequest(await night());
      expect(outcome).toMatchObject({ action: 'blocked', blockedByHuman: true, fixes: [{ from: paper('/moved3') }] });
    }
    expect(h.fake.inspect.branches(h.fullName)[FIX_BRANCH]).toBe(human);
    const open = h.fake.inspect.issues(h.fullName, { includePulls: true }).filter((i) => i.isPull && i.state === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]!.comments.map((c) => c.body)).toEqual([expect.stringContaining('`maintainer`) are on `linkmedic/fix-links`, so linkmedic no longer rebuilds this branch')]);
    // Deleting the branch closes the pull request unmerged, which rejects its pairs: never advised as a way to hand it back.
    expect(open[0]!.comments[0]!.body).toContain('deleting the branch does that too');
  });

  it('treats a merged pull request as done: its pairs are not rejected and its branch is reused, whoever pushed to it', async () => {
    const blocked = pulls().find((p) => p.state === 'open')!;
    h.fake.human.mergePull(h.fullName, blocked.number, 'maintainer', 'squash');
    const done = await syncFixPullRequest(await night());
    expect(done).toMatchObject({ action: 'none', blockedByHuman: false, fixes: [], rejectedPairs: [{ from: paper('/moved2') }] });
    expect(h.fake.inspect.branches(h.fullName)[FIX_BRANCH]).toBeUndefined();

    editMain((text) => `${text}- [Fourth](${paper('/moved')})\n`);
    const outcome = await syncFixPullRequest(await night());
    expect(outcome).toMatchObject({ action: 'opened', fixes: [{ from: paper('/moved'), to: paper('/paper') }] });
    expect(readme(FIX_BRANCH)).toBe(readme().replace(`[Fourth](${paper('/moved')})`, `[Fourth](${paper('/paper')})`));
    expectOneBotCommitOnMain();
  });

  it('frees a branch a human pushed to once they close its pull request: new fixes get a new one', async () => {
    const open = pulls().find((p) => p.state === 'open')!;
    h.fake.human.push(h.fullName, FIX_BRANCH, 'maintainer', { 'README.md': `${readme(FIX_BRANCH)}- [Mine](https://example.test/mine)\n` });
    expect((await syncFixPullRequest(await night())).action).toBe('blocked');
    h.fake.human.closePull(h.fullName, open.number, 'maintainer');

    h.web.route('papers.example.test', '/paper4', respond.ok('<title>/paper4</title>'));
    h.web.route('papers.example.test', '/moved4', respond.redirect(301, '/paper4'));
    editMain((text) => `${text}- [Fifth](${paper('/moved4')})\n`);
    const outcome = await syncFixPullRequest(await night());
    expect(outcome).toMatchObject({ action: 'opened', blockedByHuman: false, fixes: [{ from: paper('/moved4'), to: paper('/paper4') }] });
    expect(outcome.rejectedPairs).toContainEqual({ from: paper('/moved'), to: paper('/paper') });
    expect(readme(FIX_BRANCH)).toBe(readme().replace(`(${paper('/moved4')})`, `(${paper('/paper4')})`));
    expectOneBotCommitOnMain();
  });

  it('writes nothing from a run recorded before the default branch moved (a tick, a resumed pass): a merged fix is not proposed again', async () => {
    const run = await night();
    const open = pulls().find((p) => p.state === 'open')!;
    h.fake.human.mergePull(h.fullName, open.number, 'maintainer', 'squash');
    h.takeRequests();
    const outcome = await syncFixPullRequest(run);
    expect(outcome).toMatchObject({ action: 'none' });
    expect(h.takeRequests({ writesOnly: true })).toEqual([]);
    expect(pulls().filter((p) => p.state === 'open')).toEqual([]);
    // The next run, at the new head, finds nothing left to fix.
    expect(await syncFixPullRequest(await night())).toMatchObject({ action: 'none', fixes: [] });
  });
});
