import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncDeadLinkIssues } from '../../../src/github-app/dead-link-issues/sync-dead-link-issues.js';
import type { DeadLinkIssuesOutcome, RepoRun } from '../../../src/github-app/repo-run.js';
import type { InspectedIssue } from '../../support/fake-github/index.js';
import { respond } from '../../support/simulated-web/index.js';
import { BOT, startRepoRunHarness, type RepoRunHarness } from './repo-run-harness.js';

let h: RepoRunHarness;
const url = (name: string) => h.web.url('data.example.test', `/${name}`, 'https');
const config = { issues: { maxNewPerRun: 2 } };

beforeAll(async () => {
  h = await startRepoRunHarness({
    files: (web) => ({
      'README.md': [
        '# Awesome medical data',
        '',
        '## Datasets',
        '',
        '| Name | Link |',
        '|---|---|',
        ...['alive', 'a', 'b', 'c'].map((name) => `| ${name === 'alive' ? 'Alive set' : `Gone ${name.toUpperCase()}`} | ${web.url('data.example.test', `/${name}`, 'https')} |`),
        '',
      ].join('\n'),
    }),
  });
  for (const name of ['alive', 'a', 'b', 'c']) h.web.route('data.example.test', `/${name}`, respond.ok(`<title>${name}</title>`));
  // The archive is down while b is first reported: a failed lookup is asked again next night (an answer would be kept 30 days).
  h.wayback.set(url('b'), { kind: 'unavailable' });
});
afterAll(() => h.close());

/** The app's dead-link issues for a URL, oldest first. */
const issuesOf = (target: string): InspectedIssue[] =>
  h.fake.inspect.issues(h.fullName).filter((issue) => issue.author === BOT && issue.body?.includes(`\`${target}\` is dead`));
const only = (target: string): InspectedIssue => {
  const found = issuesOf(target);
  expect(found, target).toHaveLength(1);
  return found[0]!;
};

async function sync(run: RepoRun): Promise<DeadLinkIssuesOutcome> {
  const outcome = await syncDeadLinkIssues(run);
  return outcome;
}

describe('dead-link issues over simulated nights', () => {
  it('opens nothing for links that work or have failed only once, and reads every page of issues', async () => {
    // 120 unrelated issues by the app push its dead-link issues off the first page of the listing.
    for (let n = 0; n < 120; n++) h.fake.human.openIssue(h.fullName, BOT, `Unrelated ${n}`, 'not a dead-link issue');
    expect(await sync(await h.night(config))).toMatchObject({ opened: [], updated: [], closed: [], deferred: [] });
    for (const name of ['a', 'b', 'c']) h.web.route('data.example.test', `/${name}`, respond.status(404));
    h.wayback.set(url('a'), { kind: 'found', captures: [{ timestamp: '20250101000000' }] });
    h.takeRequests();
    expect(await sync(await h.night(config))).toMatchObject({ opened: [], deferred: [] });
    expect(h.takeRequests().filter((r) => r === 'GET /repos/acme/awesome/issues')).toHaveLength(2); // page 1 and 2
  });

  it('opens at most maxNewPerRun once confirmed dead, and a retried run after a lost answer duplicates nothing', async () => {
    const run = await h.night(config);
    h.fake.faults.serverError({ times: 1, when: 'after', match: ({ method, path }) => method === 'POST' && path === '/repos/acme/awesome/issues' });
    await expect(syncDeadLinkIssues(run)).rejects.toMatchObject({ code: 'EXTERNAL_SERVICE' });
    const retried = await sync(run);
    expect(retried.deferred).toEqual([url('c')]);
    expect(issuesOf(url('a'))).toHaveLength(1);
    expect(issuesOf(url('b'))).toHaveLength(1);
    expect(issuesOf(url('c'))).toHaveLength(0);

    h.takeRequests();
    const again = await sync(run);
    expect(h.takeRequests({ writesOnly: true })).toEqual([]);
    expect(again.issueByUrl.get(url('a'))).toMatchObject({ number: only(url('a')).number, state: 'open' });

    const a = only(url('a'));
    expect(a).toMatchObject({ state: 'open', labels: ['linkmedic', 'dead link'], title: expect.stringContaining('Dead link: Gone A') });
    expect(h.fake.inspect.labels(h.fullName)).toEqual(expect.arrayContaining(['linkmedic', 'dead link']));
    expect(a.body).toContain(`| Gone A | Awesome medical data > Datasets | [README.md:8](${h.fake.origin}/acme/awesome/blob/main/README.md#L8) |`);
    expect(a.body).toContain('**First failure:** 2026-11-02 03:00 UTC');
    expect(a.body).toContain('**Last time alive:** 2026-11-01 03:00 UTC');
    expect(a.body).toContain('link the archived copy from the Wayback Machine: `https://web.archive.org/web/20250101000000/');
    expect(a.body).toMatch(/\| 2026-11-03 03:00 UTC \| dead \| http_404 \|\n\| 2026-11-02 03:00 UTC \| dead \| http_404 \|\n\| 2026-11-01 03:00 UTC \| alive \|/);
    expect(only(url('b')).body).toContain('none found; replace or remove the entry');
  });

  it('opens the deferred one next run and leaves unchanged issues alone', async () => {
    h.takeRequests();
    const outcome = await sync(await h.night(config));
    expect(outcome.opened).toEqual([only(url('c')).number]);
    expect(h.takeRequests({ writesOnly: true })).toEqual(['POST /repos/acme/awesome/issues']);
  });

  it('updates in place on a meaningful change, closes a recovered link, and acknowledges a human close once', async () => {
    const before = only(url('b')).body;
    h.wayback.set(url('b'), { kind: 'found', captures: [{ timestamp: '20240202000000' }] });
    h.web.route('data.example.test', '/a', respond.ok('<title>back</title>'));
    const c = only(url('c'));
    h.fake.human.closeIssue(h.fullName, c.number, 'maintainer', 'not_planned');

    const outcome = await sync(await h.night(config));
    expect(outcome.updated).toEqual([only(url('b')).number]);
    expect(outcome.closed).toEqual([only(url('a')).number]);
    expect(only(url('b')).body).not.toEqual(before);
    expect(only(url('b')).body).toContain('20240202000000');
    expect(only(url('a'))).toMatchObject({ state: 'closed', stateReason: 'completed', closedBy: BOT, comments: [{ author: BOT, body: expect.stringContaining('works again') }] });
    expect(only(url('c'))).toMatchObject({ state: 'closed', closedBy: 'maintainer', comments: [{ author: BOT, body: expect.stringMatching(/will ignore .* To undo, reopen this issue/) }] });
    expect(outcome.ignoredUrls).toEqual(new Map([[url('c'), { issue: c.number, closedBy: 'maintainer' }]]));
  });

  it('closes the issue of a link removed from the catalog, and never reopens what a human closed', async () => {
    const readme = h.fake.inspect.file(h.fullName, 'README.md')!;
    h.fake.human.push(h.fullName, 'main', 'maintainer', { 'README.md': readme.replace(/\| Gone B .*\n/, '') }, 'Drop B');
    const outcome = await sync(await h.night(config));
    expect(outcome.closed).toEqual([only(url('b')).number]);
    expect(only(url('b')).comments.at(-1)!.body).toContain('no longer in the checked files');

    h.web.route('data.example.test', '/a', respond.status(410));
    for (let night = 0; night < 2; night++) {
      const later = await sync(await h.night(config));
      expect(later.ignoredUrls.has(url('c'))).toBe(true);
    }
    expect(only(url('c'))).toMatchObject({ state: 'closed', events: expect.not.arrayContaining([expect.objectContaining({ event: 'reopened' })]) });
    expect(only(url('c')).comments).toHaveLength(1);
    // The link that recovered and died again gets a fresh issue; its old one stays closed.
    expect(issuesOf(url('a')).map((issue) => issue.state)).toEqual(['closed', 'open']);
  });

  it('repairs a duplicate (the oldest stays) and treats a reopened issue as un-ignored', async () => {
    const [, current] = issuesOf(url('a'));
    const copy = await h.octokit.rest.issues.create({ owner: h.owner, repo: h.repo, title: current!.title, body: current!.body! });
    h.fake.human.reopenIssue(h.fullName, only(url('c')).number, 'maintainer');

    const outcome = await sync(await h.night(config));
    expect(outcome.closed).toEqual([copy.data.number]);
    expect(issuesOf(url('a')).map((issue) => [issue.number, issue.state])).toEqual([
      [expect.any(Number), 'closed'],
      [current!.number, 'open'],
      [copy.data.number, 'closed'],
    ]);
    expect(issuesOf(url('a')).at(-1)!.comments.at(-1)!.body).toContain(`Duplicate of #${current!.number}`);
    expect(outcome.ignoredUrls.size).toBe(0);
    expect(outcome.updated).toEqual([only(url('c')).number]);
    expect(only(url('c')).body).not.toContain('linkmedic:ignored');
    expect(h.fake.inspect.issues(h.fullName).filter((issue) => issue.state === 'open' && issue.author === BOT && issue.body?.includes('is dead'))).toHaveLength(2);
  });

  it('respects a human closing the issue that survived a duplicate: the duplicate the app closed does not count', async () => {
    const [, current] = issuesOf(url('a'));
    h.fake.human.closeIssue(h.fullName, current!.number, 'maintainer', 'not_planned');
    const outcome = await sync(await h.night(config));
    expect(outcome.opened).toEqual([]);
    expect(outcome.ignoredUrls.get(url('a'))).toEqual({ issue: current!.number, closedBy: 'maintainer' });
    expect(issuesOf(url('a')).map((issue) => [issue.number, issue.state])).toEqual([
      [expect.any(Number), 'closed'],
      [current!.number, 'closed'],
      [expect.any(Number), 'closed'],
    ]);
    expect(only(url('c')).state).toBe('open');
  });
});
