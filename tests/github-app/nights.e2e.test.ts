import { afterEach, describe, expect, it } from 'vitest';
import { BOT, SECRET, startAppHarness, type AppHarness } from './support/app-harness.js';
import { expectInvariants, finalState } from './support/final-state.js';
import { CATALOG_REPOS, NIGHT_0, catalogUrls, playNights } from './support/nights-scenario.js';

const REPOS = ['acme/awesome', 'acme/notes', 'acme/late', 'acme/old-list', 'beta/papers', 'gamma/list'];
const open = (h: AppHarness, options: { faults?: { seed: number; probability: number } } = {}) =>
  startAppHarness({
    start: NIGHT_0,
    githubApi: { repos: CATALOG_REPOS },
    hub: { repos: [{ kind: 'dataset', id: 'acme/qa-set', likes: 40, downloads: 900 }] },
    ...options,
  }).then((started) => Object.assign(h, started));

let clean: ReturnType<typeof finalState>[] | undefined;
const harnesses: AppHarness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

describe('twelve nights on the stateful fake GitHub', () => {
  it('ends in the state a maintainer expects, with every human decision respected', async () => {
    const h = await open({} as AppHarness);
    harnesses.push(h);
    const outcomes = await playNights(h);
    const u = catalogUrls(h);

    expect(outcomes).toHaveLength(12);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ status: 'finished', suspendedInstallations: 1, archivedRepositories: 1 });
      if (outcome.status === 'busy') continue;
      expect(outcome.repos.filter((repo) => repo.repo !== 'acme/late').map((repo) => [repo.repo, repo.state])).toEqual([['acme/awesome', 'done'], ['acme/notes', 'skipped'], ['beta/papers', 'done']]);
    }
    // A repository added to the installation later gets its onboarding pull request, and waits.
    expect(h.fake.inspect.pulls('acme/late').map((pull) => [pull.title, pull.state])).toEqual([['Configure linkmedic', 'open']]);
    expect(h.fake.inspect.file('acme/late', '.github/linkmedic.yml', 'linkmedic/configure')).toMatch(/^files:\n {2}- README\.md\n {2}- docs\/papers\.md\n/m);
    const last = outcomes.at(-1)!;
    expect(last.status !== 'busy' && last.repos.find((repo) => repo.repo === 'acme/late')).toMatchObject({ state: 'skipped', detail: 'no .github/linkmedic.yml; onboarding pending' });
    for (const repo of REPOS) expectInvariants(h.fake, repo);

    const issues = h.fake.inspect.issues('acme/awesome');
    const report = issues.filter((issue) => issue.body?.includes('<!-- linkmedic:report -->'));
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ author: BOT, state: 'open', title: 'Link health report' });
    const deadLinks = issues.filter((issue) => issue.title.startsWith('Dead link'));
    expect(deadLinks.map((issue) => [issue.title.replace(/ \(.*/, ''), issue.state, issue.closedBy])).toEqual([
      ['Dead link: Doomed', 'closed', BOT], // left the catalog (a human removed the entry)
      ['Dead link: Gone paper', 'closed', 'maintainer'], // a human's "ignore": never reopened
      ['Dead link: Flaky paper', 'closed', BOT], // recovered
    ]);
    const body = report[0]!.body!;
    expect(body).not.toContain('### Confirmed dead');
    expect(body).toMatch(/### Restricted or blocked: needs a human \(1\)[\s\S]*Walled paper/);
    expect(body).toMatch(/### Ignored \(4\)/);
    expect(body).toContain(`\`${u.data}\` · ignored from this report by maintainer`);
    expect(body).toMatch(/Gone paper\*\* · `[^`]+` · its issue #\d+ was closed by maintainer/);
    expect(body).toContain(`fix \`${u.moved}\` → \`${u.paper}\` · declined`);
    expect(body).toMatch(/### Proposed fixes \(1\)[\s\S]*`https:\/\/github\.com\/models\/med-llm` → `https:\/\/github\.com\/models\/med-llm-v2`/);
    expect(body).toContain('[models/retired](https://github.com/models/retired) · Retired');
    expect(body).toMatch(/### Availability, last 12 runs/);
    expect(body.length).toBeLessThan(60_000);

    // One open fix pull request: exactly the rename found after the rejected one, on top of main.
    const pulls = h.fake.inspect.pulls('acme/awesome');
    expect(pulls.map((pull) => [pull.headRef, pull.state, pull.merged, pull.closedBy])).toEqual([
      ['linkmedic/configure', 'closed', true, 'maintainer'],
      ['linkmedic/fix-links', 'closed', false, 'maintainer'],
      ['linkmedic/fix-links', 'open', false, null],
    ]);
    const main = h.fake.inspect.file('acme/awesome', 'README.md')!;
    expect(h.fake.inspect.files('acme/awesome', 'linkmedic/fix-links')).toEqual({
      ...h.fake.inspect.files('acme/awesome'),
      'README.md': main.replace('https://github.com/models/med-llm |', 'https://github.com/models/med-llm-v2 |'),
    });
    // Pull requests get the `linkmedic` check on the links they change: the fix pull request's are alive.
    const openFix = pulls[2]!;
    expect(h.fake.inspect.checkRuns('acme/awesome').filter((run) => run.headSha === openFix.headSha).map((run) => [run.name, run.status, run.conclusion])).toEqual([['linkmedic', 'completed', 'success']]);
    const blocked = h.fake.inspect.issues('acme/awesome', { includePulls: true }).find((issue) => issue.number === pulls[1]!.number)!;
    expect(blocked.comments.filter((comment) => comment.author === BOT)).toHaveLength(1);

    // /linkmedic recheck: one reply, edited in place; a passer-by's command is not obeyed.
    const gone = deadLinks[1]!;
    expect(gone.comments.map((comment) => comment.author)).toEqual(['passer-by', 'acme', BOT, 'acme', BOT]);
    expect(gone.comments[2]!.body).toMatch(/^Rechecked 1 link on 2026-11-05 08:00 UTC, as acme asked:[\s\S]*\*\*dead\*\*: HTTP 404/);

    // acme/notes said no: one onboarding pull request, closed, acknowledged once, never again.
    expect(h.fake.inspect.issues('acme/notes', { includePulls: true }).map((item) => [item.title, item.state, item.comments.length])).toEqual([['Configure linkmedic', 'closed', 1]]);
    // beta closed its report: it stays closed, no other report, nothing written after the close.
    const beta = h.fake.inspect.issues('beta/papers').filter((issue) => issue.body?.includes('<!-- linkmedic:report -->'));
    expect(beta.map((issue) => [issue.state, issue.closedBy])).toEqual([['closed', 'maintainer']]);
    expect(beta[0]!.body).toContain('<!-- linkmedic:written=2026-11-10T03:00:00.000Z -->');
    // Suspended and archived: never written to.
    const writes = h.fake.requests.filter((request) => request.method !== 'GET' && /\/repos\/(gamma\/list|acme\/old-list)\//.test(request.path));
    expect(writes).toEqual([]);
    for (const repo of ['gamma/list', 'acme/old-list']) expect(h.fake.inspect.issues(repo, { includePulls: true })).toEqual([]);

    // Secrets never reach the logs.
    const logs = h.logs.join('\n');
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toContain('PRIVATE KEY');
    expect(logs).not.toMatch(/ghs_[A-Za-z0-9]{20,}|"authorization":"(?:token|bearer) [^[]/i);

    clean = REPOS.map((repo) => finalState(h.fake, repo));
  });

  it('ends in the same state when random GitHub calls fail with 502s and secondary rate limits', async () => {
    expect(clean, 'the clean run must pass first').toBeDefined();
    const h = await open({} as AppHarness, { faults: { seed: 20261102, probability: 0.08 } });
    harnesses.push(h);
    // On top of the random ones: creations whose answer is lost although GitHub carried them out,
    // the fault that turns a blind retry into a duplicate issue, comment or pull request.
    const creation = (pattern: RegExp) => (request: { method: string; path: string }) => request.method === 'POST' && pattern.test(request.path);
    h.fake.faults.serverError({ times: 3, when: 'after', match: creation(/\/repos\/[^/]+\/[^/]+\/issues$/) });
    h.fake.faults.serverError({ times: 3, when: 'after', match: creation(/\/issues\/\d+\/comments$/) });
    h.fake.faults.serverError({ times: 2, when: 'after', match: creation(/\/pulls$/) });
    h.fake.faults.secondaryRateLimit({ times: 2, retryAfter: 2, match: creation(/\/issues$/) });
    await playNights(h);
    const injected = h.fake.faults.injected;
    expect(injected.filter((fault) => fault.kind === '502' && fault.when === 'after').length).toBeGreaterThan(3);
    expect(injected.filter((fault) => fault.kind === '502' && fault.when === 'before').length).toBeGreaterThan(3);
    expect(injected.filter((fault) => fault.kind === 'secondary').length).toBeGreaterThan(3);
    expect(injected.some((fault) => fault.method === 'POST')).toBe(true);
    for (const repo of REPOS) expectInvariants(h.fake, repo);
    expect(REPOS.map((repo) => finalState(h.fake, repo))).toEqual(clean);
  });
});
