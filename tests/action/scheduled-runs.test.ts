import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../support/cli-harness.js';
import { createClients } from '../support/fake-github/index.js';
import { respond } from '../support/simulated-web/index.js';
import { ACTION_NODE, ACTIONS_BOT, startActionHarness, WRITE_PERMISSIONS, type ActionHarness, type StepRun } from './support/action-harness.js';

// Four nights of the scheduled workflow on one repository, the Action's entry point called with
// what the runner sets, against the stateful fake GitHub: the history branch carries the streaks
// from one run to the next (each job starts with an empty RUNNER_TEMP), two links die and get
// their issues, a human closes one (respected), the report issue is rewritten in place and the
// fix pull request is opened once. `history-depth: 3` makes the fourth run restart the branch.
// Night 2 runs the committed bundle in a child process (on ACTION_NODE), as the runner does: it
// reads the history the in-process night 1 wrote, and night 3 reads what the bundle wrote. The
// child keeps the real clock, so the simulated nights are placed for night 2 to fall on now.

const NIGHT_0 = Date.now() - 2 * 86_400_000;
const night = (n: number) => new Date(NIGHT_0 + n * 86_400_000);
const REPO = 'acme/awesome';
const INPUTS = { files: 'README.md', allowPrivateNetworks: 'true', 'history-depth': '3', issues: '{ labels: [linkmedic] }' };

let h: ActionHarness;
let token: string;
let mainSha: string;
const page = (p: string) => h.web.url('papers.example.test', p, 'https');
const issues = () => h.fake.inspect.issues(REPO);
const reports = () => issues().filter((issue) => issue.body?.includes('<!-- linkmedic:report -->'));
const deadLinkIssues = () => issues().filter((issue) => issue.title.startsWith('Dead link'));
const historyCommits = () => h.fake.inspect.commits(REPO, 'linkmedic-history');
const runs: StepRun[] = [];
const nightly = async (n: number, bundle?: { node: string }) => {
  h.setNow(night(n));
  const run = await h.step(REPO, { event: 'schedule', payload: { schedule: '0 3 * * *' }, inputs: INPUTS, token, ...(bundle && { bundle }) });
  runs.push(run);
  return run;
};

beforeAll(async () => {
  h = await startActionHarness({ start: night(0), githubApi: { repos: [{ fullName: 'models/med-llm', stars: 100, forks: 10 }] } });
  for (const p of ['/paper', '/gone', '/doomed']) h.web.route('papers.example.test', p, respond.ok('<title>A paper</title>'));
  h.web.route('papers.example.test', '/moved', respond.redirect(301, '/paper'));
  const readme = ['# Papers', '', `- [A paper](${page('/paper')})`, `- [Moved paper](${page('/moved')})`, `- [Gone paper](${page('/gone')})`, `- [Doomed paper](${page('/doomed')})`, '- [MedLLM](https://github.com/models/med-llm)', ''].join('\n');
  h.fake.state.createRepo({ fullName: REPO, files: { 'README.md': readme } });
  token = await h.token(REPO, WRITE_PERMISSIONS);
  mainSha = h.fake.inspect.branches(REPO).main!;
});
afterAll(() => h?.close());

describe('the scheduled workflow over four nights', () => {
  it('night 1: creates the history branch as an orphan, the report issue and the fix pull request', async () => {
    const run = await nightly(1);
    expect(run.code, run.stdout).toBe(0);
    const [report] = reports();
    expect(report).toMatchObject({ author: ACTIONS_BOT, state: 'open', title: 'Link health report' });
    expect(run.outputs).toEqual({ dead: '0', 'report-url': `${h.fake.origin}/${REPO}/issues/${report!.number}` });
    expect(historyCommits().map((commit) => commit.parents.length)).toEqual([0]);
    expect(Object.keys(h.fake.inspect.files(REPO, 'linkmedic-history')!).sort()).toEqual(['README.md', 'linkmedic.db']);
    expect(h.fake.inspect.pulls(REPO).map((pull) => [pull.headRef, pull.state, pull.author])).toEqual([['linkmedic/fix-links', 'open', ACTIONS_BOT]]);
    expect(h.fake.inspect.file(REPO, 'README.md', 'linkmedic/fix-links')).toContain(`- [Moved paper](${page('/paper')})`);
    expect(run.summary).toMatch(/^## linkmedic: 5 links checked/);
    expect(run.summary).toContain(`| Report issue | [#${report!.number}](${h.fake.origin}/${REPO}/issues/${report!.number}) (created) |`);
  });

  it('nights 2 and 3: two links fail, and once confirmed dead each gets one issue; the report is rewritten in place', async () => {
    h.web.route('papers.example.test', '/gone', respond.status(404));
    h.web.route('papers.example.test', '/doomed', respond.status(404));
    const second = await nightly(2, { node: ACTION_NODE });
    expect([second.code, second.outputs.dead, deadLinkIssues().length]).toEqual([0, '0', 0]);
    const third = await nightly(3);
    expect(third.code, third.stdout).toBe(0);
    expect(third.outputs.dead).toBe('2');
    expect(deadLinkIssues().map((issue) => [issue.title.replace(/ \(.*/, ''), issue.state, issue.author, issue.labels])).toEqual([
      ['Dead link: Gone paper', 'open', ACTIONS_BOT, ['linkmedic']],
      ['Dead link: Doomed paper', 'open', ACTIONS_BOT, ['linkmedic']],
    ]);
    expect(reports()).toHaveLength(1);
    expect(reports()[0]!.body).toMatch(/### Confirmed dead \(2\)/);
    expect(historyCommits().map((commit) => commit.parents.length)).toEqual([1, 1, 0]);
    expect(historyCommits()[0]!.message).toMatch(/^linkmedic: run \d+ of acme\/awesome at [0-9a-f]{7}\n\nLinkmedic-History-Depth: 3\n$/);
  });

  it('night 4: a human-closed issue stays closed, the fix pull request is still the one, the branch restarts from one commit', async () => {
    const doomed = deadLinkIssues().find((issue) => issue.title.includes('Doomed'))!;
    h.setNow(new Date(night(3).getTime() + 6 * 3_600_000));
    h.fake.human.closeIssue(REPO, doomed.number, 'maintainer', 'not_planned');
    const run = await nightly(4);
    expect(run.code, run.stdout).toBe(0);
    expect(deadLinkIssues().map((issue) => [issue.title.replace(/ \(.*/, ''), issue.state, issue.closedBy])).toEqual([
      ['Dead link: Gone paper', 'open', null],
      ['Dead link: Doomed paper', 'closed', 'maintainer'],
    ]);
    expect(reports()[0]!.body).toMatch(/Doomed paper\*\* · `[^`]+` · its issue #\d+ was closed by maintainer/);
    expect(h.fake.inspect.pulls(REPO).map((pull) => pull.state)).toEqual(['open']);
    // At `history-depth` the chain starts again: an orphan commit, the file still holding every run.
    expect(historyCommits().map((commit) => commit.parents.length)).toEqual([0]);
    // The default branch was never written.
    expect(h.fake.inspect.commits(REPO, 'main').map((commit) => commit.sha)).toEqual([mainSha]);
    expect(runs.map((run) => run.outputs['report-url'])).toEqual(Array(4).fill(runs[0]!.outputs['report-url']));
  });

  it('leaves a history the command line reads: git fetch the branch, linkmedic report --db', async () => {
    const client = createClients(h.fake).withToken(token);
    const ref = await client.rest.git.getRef({ owner: 'acme', repo: 'awesome', ref: 'heads/linkmedic-history' });
    const tree = await client.rest.git.getTree({ owner: 'acme', repo: 'awesome', tree_sha: ref.data.object.sha });
    const blob = await client.rest.git.getBlob({ owner: 'acme', repo: 'awesome', file_sha: tree.data.tree.find((entry) => entry.path === 'linkmedic.db')!.sha! });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-fetched-')), 'linkmedic.db');
    writeFileSync(file, Buffer.from(blob.data.content, 'base64'));

    const store = await openStore({ path: file });
    const states = await store.linkStates('github:acme/awesome', [page('/gone'), page('/paper')]);
    expect((await store.latestRuns('github:acme/awesome', 10)).length).toBe(4);
    expect([...states.values()].map((state) => [state.consecutiveFailures, state.confirmedDead])).toEqual([[3, true], [0, false]]);
    await store.close();
    const report = await runCli(['report', '--db', file, '--catalog', 'github:acme/awesome', '--format', 'json']);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ catalog: 'github:acme/awesome' });
  });
});
