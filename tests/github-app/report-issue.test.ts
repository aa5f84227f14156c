import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from '../support/fake-github/index.js';
import { respond } from '../support/simulated-web/index.js';
import { BOT, DAY, startAppHarness, type AppHarness } from './support/app-harness.js';
import { expectInvariants } from './support/final-state.js';

const T0 = new Date('2026-12-01T03:00:00Z');
const day = (n: number, hours = 0) => new Date(T0.getTime() + n * DAY + hours * 3_600_000);
let h: AppHarness;
let ok: string;
let broken: string;

beforeAll(async () => {
  h = await startAppHarness({ start: T0 });
  h.web.route('site.example.test', '/ok', respond.ok('<title>fine</title>'));
  h.web.route('site.example.test', '/broken', respond.status(404));
  ok = h.web.url('site.example.test', '/ok', 'https');
  broken = h.web.url('site.example.test', '/broken', 'https');
});
afterAll(() => h?.close());

const reportOf = (repo: string) => h.fake.inspect.issues(repo).filter((issue) => issue.author === BOT && issue.body?.includes('<!-- linkmedic:report -->'));
const patches = (repo: string, number: number) => h.fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/repos/${repo}/issues/${number}` && r.status === 200).length;
// Each test's account is suspended when it is done, so later passes only walk the repositories under test.
const installations = new Map<string, number>();
const install = (account: string) => installations.set(account, h.fake.state.install({ account }).id);
const pause = (account: string) => h.fake.human.suspend(installations.get(account)!, account);
const repoState = (outcome: Awaited<ReturnType<AppHarness['night']>>, repo: string) => (outcome.status === 'busy' ? undefined : outcome.repos.find((r) => r.repo === repo));

describe('the report issue', () => {
  it('is not rewritten while nothing meaningful changes, but at least weekly, so a stale date means stopped checks', async () => {
    h.fake.state.createRepo({ fullName: 'quiet/list', files: { 'README.md': `# List\n- [ok](${ok})\n`, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
    install('quiet');
    await h.night(day(0));
    const [report] = reportOf('quiet/list');
    expect(report?.body).toContain('All 1 links of the latest check answered');
    const written = [];
    const listings = [];
    for (let n = 1; n <= 8; n += 1) {
      const seen = h.fake.requests.length;
      await h.night(day(n));
      written.push(patches('quiet/list', report!.number));
      listings.push(h.fake.requests.slice(seen).filter((r) => r.method === 'GET' && r.path === '/repos/quiet/list/issues').length);
    }
    expect(written).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
    // One listing of the app's issues a run serves both the report and the dead-link issues.
    expect(listings).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(reportOf('quiet/list')[0]!.body).toContain('<!-- linkmedic:written=2026-12-08T03:00:00.000Z -->');
    pause('quiet');
  });

  it('stays closed when a human closes it while a run is writing, and no other report is opened', async () => {
    h.fake.state.createRepo({ fullName: 'busy/list', files: { 'README.md': `# List\n- [ok](${ok})\n- [broken](${broken})\n`, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
    install('busy');
    await h.night(day(10));
    const [report] = reportOf('busy/list');
    let closed = false;
    // The maintainer closes the report just as the run moves on to the fix pull request.
    h.onRequest.hook = (request) => {
      if (closed || request.method !== 'GET' || request.path !== '/repos/busy/list/pulls') return;
      closed = true;
      h.fake.human.closeIssue('busy/list', report!.number, 'maintainer', 'not_planned');
    };
    await h.night(day(11));
    h.onRequest.hook = undefined;
    expect(closed).toBe(true);
    await h.night(day(12));
    expect(reportOf('busy/list').map((issue) => [issue.number, issue.state, issue.closedBy, issue.events.map((event) => event.event)])).toEqual([
      [report!.number, 'closed', 'maintainer', ['closed']],
    ]);
    expectInvariants(h.fake, 'busy/list');
    pause('busy');
  });

  it('turns an invalid configuration into a failed check run and a problem in the report, never a crash', async () => {
    h.fake.state.createRepo({ fullName: 'typo/list', files: { 'README.md': `# List\n- [ok](${ok})\n`, '.github/linkmedic.yml': 'schedule: hourly\nisues:\n  enabled: false\n' } });
    install('typo');
    const outcome = await h.night(day(20));
    expect(repoState(outcome, 'typo/list')).toMatchObject({ state: 'skipped', detail: expect.stringContaining('is invalid') });
    const [report] = reportOf('typo/list');
    expect(report?.body).toMatch(/### ⚠️ Problems\n\n- \.github\/linkmedic\.yml is invalid: .*schedule: .*\(top level\): unknown key isues/);
    expect(report?.body).toContain('No check has completed yet.');
    const head = h.fake.inspect.branches('typo/list').main!;
    expect(h.fake.inspect.checkRuns('typo/list').filter((run) => run.headSha === head).map((run) => [run.name, run.conclusion])).toEqual([['linkmedic config', 'failure']]);

    // The maintainer fixes the file: a passing check on that commit, and the next run checks.
    h.setNow(day(20, 6));
    h.fake.human.push('typo/list', 'main', 'maintainer', { '.github/linkmedic.yml': 'schedule: nightly\nallowPrivateNetworks: true\n' }, 'Fix the linkmedic config');
    await h.settle();
    const fixed = h.fake.inspect.branches('typo/list').main!;
    expect(h.fake.inspect.checkRuns('typo/list').filter((run) => run.headSha === fixed).map((run) => [run.name, run.conclusion])).toEqual([['linkmedic config', 'success']]);
    await h.night(day(21));
    expect(reportOf('typo/list').map((issue) => [issue.state, issue.body?.includes('Problems')])).toEqual([['open', false]]);
    pause('typo');
  });

  it('follows the schedule: weekly runs about every seven nights, off never on schedule', async () => {
    h.fake.state.createRepo({ fullName: 'slow/weekly', files: { 'README.md': `# List\n- [ok](${ok})\n`, '.github/linkmedic.yml': 'schedule: weekly\nallowPrivateNetworks: true\n' } });
    h.fake.state.createRepo({ fullName: 'slow/off', files: { 'README.md': `# List\n- [ok](${ok})\n`, '.github/linkmedic.yml': 'schedule: off\nallowPrivateNetworks: true\n' } });
    install('slow');
    const states: string[] = [];
    for (let n = 30; n <= 37; n += 1) {
      const outcome = await h.night(day(n));
      states.push(`${repoState(outcome, 'slow/weekly')?.state}/${repoState(outcome, 'slow/off')?.state}`);
    }
    expect(states).toEqual(['done/skipped', 'skipped/skipped', 'skipped/skipped', 'skipped/skipped', 'skipped/skipped', 'skipped/skipped', 'done/skipped', 'skipped/skipped']);
    expect(reportOf('slow/off')).toEqual([]);
    pause('slow');
  });

  it('is closed with a comment when turned off, and reopened when turned back on', async () => {
    h.fake.state.installations.get(installations.get('quiet')!)!.suspendedAt = null;
    await h.night(day(40));
    const [report] = reportOf('quiet/list');
    h.setNow(day(40, 6));
    h.fake.human.push('quiet/list', 'main', 'maintainer', { '.github/linkmedic.yml': 'allowPrivateNetworks: true\nreport:\n  enabled: false\n' });
    await h.night(day(41));
    await h.night(day(42));
    expect(reportOf('quiet/list').map((issue) => [issue.number, issue.state, issue.closedBy])).toEqual([[report!.number, 'closed', BOT]]);
    expect(reportOf('quiet/list')[0]!.comments.map((comment) => comment.body)).toEqual([expect.stringContaining('`report.enabled: false`')]);
    h.setNow(day(42, 6));
    h.fake.human.push('quiet/list', 'main', 'maintainer', { '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' });
    await h.night(day(43));
    expect(reportOf('quiet/list').map((issue) => [issue.number, issue.state])).toEqual([[report!.number, 'open']]);
    expectInvariants(h.fake, 'quiet/list');
  });

  it('acts on "recheck every failing link" and "stop ignoring" at once, and leaves edits that tick nothing alone', async () => {
    h.fake.state.createRepo({ fullName: 'ticks/list', files: { 'README.md': `# List\n- [ok](${ok})\n- [broken](${broken})\n`, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
    install('ticks');
    await h.night(day(50));
    const number = reportOf('ticks/list')[0]!.number;
    const body = () => reportOf('ticks/list')[0]!.body!;
    const brokenLine = () => body().split('\n').find((line) => line.includes(`\`${broken}\``))!;

    h.setNow(day(50, 2));
    h.fake.human.tickCheckbox('ticks/list', number, 'maintainer', /ignore=/);
    await h.settle();
    expect(body()).toMatch(/### Ignored \(1\)\n\n- \*\*broken\*\* · `[^`]+` · ignored from this report by maintainer\n {2}- \[ \] <!-- linkmedic:unignore=/);
    expect(body()).not.toContain('### Failing');

    h.setNow(day(50, 3));
    h.fake.human.tickCheckbox('ticks/list', number, 'maintainer', /unignore=/);
    await h.settle();
    expect(body()).not.toContain('### Ignored');
    expect(brokenLine()).toContain('failing in 1 run');

    h.web.route('site.example.test', '/broken', respond.ok('<title>fixed</title>'));
    h.setNow(day(50, 4));
    h.fake.human.tickCheckbox('ticks/list', number, 'maintainer', /recheck-all/);
    await h.settle();
    expect(brokenLine()).toContain('rechecked 2027-01-20 07:00 UTC: **alive** (HTTP 200)');
    expect(body()).not.toMatch(/\[x\]/i);

    const writes = patches('ticks/list', number);
    h.fake.human.editIssueBody('ticks/list', number, 'maintainer', (old) => `${old}\n\nThanks, bot.`);
    await h.settle();
    expect(patches('ticks/list', number)).toBe(writes);
    expect(body()).toContain('Thanks, bot.');
    expectInvariants(h.fake, 'ticks/list');
    pause('ticks');
  });

  it('leaves issues alone where the repository turned them off, and still proposes fixes', async () => {
    h.web.route('site.example.test', '/moved', respond.redirect(301, '/ok'));
    h.fake.state.createRepo({ fullName: 'noissues/list', hasIssues: false, files: { 'README.md': `# List\n- [moved](${h.web.url('site.example.test', '/moved', 'https')})\n`, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
    install('noissues');
    const outcome = await h.night(day(60));
    expect(repoState(outcome, 'noissues/list')).toMatchObject({ state: 'done' });
    expect(h.fake.requests.filter((request) => request.path.startsWith('/repos/noissues/list/issues'))).toEqual([]);
    expect(h.fake.inspect.pulls('noissues/list').map((pull) => [pull.headRef, pull.state])).toEqual([['linkmedic/fix-links', 'open']]);
    pause('noissues');
  });

  it('closes a duplicate report (kept: the oldest) and answers /linkmedic recheck on the report for every failing link', async () => {
    h.fake.state.createRepo({ fullName: 'twice/list', files: { 'README.md': `# List\n- [ok](${ok})\n- [broken](${broken})\n`, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
    install('twice');
    h.web.route('site.example.test', '/broken', respond.status(404));
    await h.night(day(70));
    // A second report the app once made (say, by an older version): same marker, same author.
    const app = await createClients(h.fake).installation(installations.get('twice')!);
    await app.rest.issues.create({ owner: 'twice', repo: 'list', title: 'Link health report', body: '<!-- linkmedic:report -->\nold copy' });
    await h.night(day(71));
    expect(reportOf('twice/list').map((issue) => [issue.state, issue.comments.length])).toEqual([['open', 0], ['closed', 1]]);
    await h.night(day(72));
    expect(reportOf('twice/list')[1]!.comments).toHaveLength(1);

    const number = reportOf('twice/list')[0]!.number;
    h.setNow(day(72, 5));
    h.fake.human.comment('twice/list', number, 'twice', '/linkmedic recheck');
    await h.settle();
    const reply = reportOf('twice/list')[0]!.comments.filter((comment) => comment.author === BOT);
    expect(reply).toHaveLength(1);
    expect(reply[0]!.body).toMatch(new RegExp(`^Rechecked 1 link on 2027-02-11 08:00 UTC, as twice asked:[\\s\\S]*\`${broken}\` \\| \\*\\*dead\\*\\*`));

    // The maintainer closes the surviving report: the duplicate the app closed earlier is not brought back instead.
    h.setNow(day(72, 6));
    h.fake.human.closeIssue('twice/list', number, 'maintainer', 'not_planned');
    await h.settle();
    await h.night(day(73));
    expect(reportOf('twice/list').map((issue) => [issue.state, issue.closedBy])).toEqual([['closed', 'maintainer'], ['closed', BOT]]);
    for (const issue of reportOf('twice/list')) expect(issue.events.map((event) => event.event), `#${issue.number}`).not.toContain('reopened');
    pause('twice');
  });
});
