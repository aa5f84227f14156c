import { expect } from 'vitest';
import type { PassOutcome } from '../../../src/github-app/nightly/run-nightly-pass.js';
import { respond } from '../../support/simulated-web/index.js';
import { BOT, DAY, type AppHarness } from './app-harness.js';

export const NIGHT_0 = new Date('2026-11-02T03:00:00Z');
export const night = (n: number) => new Date(NIGHT_0.getTime() + n * DAY);
const at = (n: number, hours: number) => new Date(night(n).getTime() + hours * 3_600_000);

export const CATALOG_REPOS = [
  { fullName: 'models/med-llm', stars: 100, forks: 10 },
  { fullName: 'models/old-name', stars: 50 },
  { fullName: 'models/doomed', stars: 5 },
  { fullName: 'models/retired', stars: 70, archived: true },
];

/** The links of the main catalog, on the simulated web (ports are only known once it runs). */
export function catalogUrls(h: AppHarness) {
  const page = (path: string) => h.web.url('papers.example.test', path, 'https');
  return {
    paper: page('/paper'),
    moved: page('/moved'),
    flaky: page('/flaky'),
    gone: page('/gone'),
    data: h.web.url('data.example.test', '/set'),
    walled: page('/walled'),
  };
}

export function readme(h: AppHarness): string {
  const u = catalogUrls(h);
  return [
    '# Medical LLM catalog',
    '',
    '## Models',
    '',
    '| Name | Link |',
    '|---|---|',
    '| MedLLM | https://github.com/models/med-llm |',
    '| Renamed | https://github.com/models/old-name |',
    '| Doomed | https://github.com/models/doomed |',
    '| Retired | https://github.com/models/retired |',
    '',
    '## Papers',
    '',
    `- [A paper](${u.paper})`,
    `- [Moved paper](${u.moved})`,
    `- [Flaky paper](${u.flaky})`,
    `- [Gone paper](${u.gone})`,
    `- [Walled paper](${u.walled})`,
    '',
    '## Data',
    '',
    `- [QA set](https://huggingface.co/datasets/acme/qa-set)`,
    `- [Data dump](${u.data})`,
    '',
  ].join('\n');
}

const CONFIG = 'allowPrivateNetworks: true\n';

/** The "ignore" box on the data dump's line in the report (the box line follows the link's line). */
function dataIgnoreBox(h: AppHarness): RegExp {
  const body = h.fake.inspect.issues('acme/awesome').find((issue) => issue.body?.includes('<!-- linkmedic:report -->'))!.body!;
  const lines = body.split('\n');
  const at = lines.findIndex((line) => line.includes(catalogUrls(h).data));
  const key = /ignore=(\w+)/.exec(lines.slice(at, at + 3).join('\n'))![1]!;
  return new RegExp(`ignore=${key}`);
}

/** The humans and the web of the ten-plus nights; returns each night's pass outcome. */
export async function playNights(h: AppHarness): Promise<PassOutcome[]> {
  const u = catalogUrls(h);
  h.web.route('papers.example.test', '/paper', respond.ok('<title>A paper</title>'));
  h.web.route('papers.example.test', '/moved', respond.redirect(301, '/paper'));
  h.web.route('papers.example.test', '/flaky', respond.ok('<title>Flaky</title>'));
  h.web.route('papers.example.test', '/gone', respond.ok('<title>Gone soon</title>'));
  h.web.route('papers.example.test', '/walled', respond.cloudflareChallenge());
  h.web.route('data.example.test', '/set', respond.ok('data'));

  h.fake.state.createRepo({ fullName: 'acme/awesome', files: { 'README.md': readme(h), 'CONTRIBUTING.md': '# How to add an entry\n' } });
  h.fake.state.createRepo({ fullName: 'acme/notes', files: { 'README.md': '# Notes\n- [x](https://example.test/)\n' } });
  h.fake.state.createRepo({ fullName: 'acme/old-list', files: { 'README.md': '# Old\n' }, archived: true });
  h.fake.state.createRepo({ fullName: 'beta/papers', files: { 'README.md': `# Papers\n- [A paper](${u.paper})\n- [Gone](${u.gone})\n`, '.github/linkmedic.yml': CONFIG } });
  h.fake.state.createRepo({ fullName: 'gamma/list', files: { 'README.md': `# List\n- [A paper](${u.paper})\n`, '.github/linkmedic.yml': CONFIG } });
  h.fake.state.install({ account: 'gamma', suspended: true });

  // Installing: one onboarding pull request per repository without a configuration.
  h.setNow(at(0, -2));
  h.fake.human.install({ account: 'acme', repositories: ['acme/awesome', 'acme/notes', 'acme/old-list'] });
  h.fake.human.install({ account: 'beta', repositories: ['beta/papers'] });
  await h.settle();
  const onboarding = (fullName: string) => h.fake.inspect.pulls(fullName).find((pull) => pull.headRef === 'linkmedic/configure')!;
  // One onboarding pull request per unconfigured repository, listing the catalog markdown it found.
  expect(['acme/awesome', 'acme/notes', 'beta/papers'].map((repo) => h.fake.inspect.pulls(repo).length)).toEqual([1, 1, 0]);
  expect(h.fake.inspect.file('acme/awesome', '.github/linkmedic.yml', 'linkmedic/configure')).toMatch(/^files:\n {2}- README\.md\n\n/m);
  // acme/awesome: the maintainer enables the private-network option (the simulated web is on
  // loopback) on the onboarding branch, then merges; acme/notes: the maintainer says no.
  const proposed = h.fake.inspect.file('acme/awesome', '.github/linkmedic.yml', 'linkmedic/configure')!;
  h.fake.human.push('acme/awesome', 'linkmedic/configure', 'maintainer', { '.github/linkmedic.yml': `${proposed}\n${CONFIG}` }, 'Allow the test network');
  h.fake.human.mergePull('acme/awesome', onboarding('acme/awesome').number, 'maintainer');
  h.fake.human.closePull('acme/notes', onboarding('acme/notes').number, 'maintainer');
  await h.settle();

  const outcomes: PassOutcome[] = [];
  const pass = async (n: number) => outcomes.push(await h.night(night(n)));

  await pass(1);
  // Night 2: a paper starts failing for good, another one flakes, a repository is deleted.
  h.web.route('papers.example.test', '/gone', respond.status(404));
  h.web.route('papers.example.test', '/flaky', respond.status(503));
  h.githubApi.store.delete('models/doomed');
  await pass(2);
  // Night 3: `gone` and `doomed` are confirmed dead (404 / missing twice over 20 h).
  await pass(3);
  // A maintainer asks for a recheck of the gone paper from the report, then from its issue.
  const report = () => h.fake.inspect.issues('acme/awesome').find((issue) => issue.author === BOT && issue.body?.includes('<!-- linkmedic:report -->'))!;
  h.setNow(at(3, 5));
  h.fake.human.tickCheckbox('acme/awesome', report().number, 'maintainer', /linkmedic:recheck=/);
  await h.settle();
  // Acted on at once and acknowledged in place: the box is unticked, the answer is on the line.
  expect(report().body).toMatch(/`https:\/\/github\.com\/models\/doomed`.*rechecked 2026-11-05 08:00 UTC: \*\*dead\*\*/);
  expect(report().body).not.toContain('[x]');
  const goneIssue = () => h.fake.inspect.issues('acme/awesome').find((issue) => issue.title.includes('Gone paper'))!;
  h.fake.human.comment('acme/awesome', goneIssue().number, 'passer-by', '/linkmedic recheck');
  await h.settle();
  h.fake.human.comment('acme/awesome', goneIssue().number, 'acme', '/linkmedic recheck');
  await h.settle();
  h.fake.human.comment('acme/awesome', goneIssue().number, 'acme', 'Still broken?\n\n/linkmedic recheck');
  await h.settle();
  // Night 4: a repository is renamed; the flaky paper, failing three nights over 48 h, is confirmed.
  h.githubApi.store.rename('models/old-name', 'models/new-name');
  await pass(4);
  // Night 5: the flaky paper is back; the maintainer closes the gone paper's issue (= ignore it).
  h.web.route('papers.example.test', '/flaky', respond.ok('<title>Flaky</title>'));
  h.setNow(at(4, 6));
  h.fake.human.closeIssue('acme/awesome', goneIssue().number, 'maintainer', 'not_planned');
  await h.settle();
  await pass(5);
  // Night 6: the data dump starts failing; a maintainer pushes to the fix branch by hand.
  h.web.route('data.example.test', '/set', respond.status(500));
  h.setNow(at(5, 6));
  const fixReadme = h.fake.inspect.file('acme/awesome', 'README.md', 'linkmedic/fix-links')!;
  h.fake.human.push('acme/awesome', 'linkmedic/fix-links', 'maintainer', { 'README.md': fixReadme.replace('# Medical LLM catalog', '# Medical LLM catalog (curated)') }, 'Retitle while here');
  await h.settle();
  await pass(6);
  // Night 7: the maintainer ticks "ignore" for the failing data dump while the run is checking:
  // the tick happens when linkmedic asks GitHub's GraphQL API about the catalog's repositories.
  let ticked = false;
  h.onRequest.hook = (request) => {
    if (ticked || request.method !== 'GET' || request.path !== '/repos/acme/awesome/pulls' || h.now().getTime() !== night(7).getTime()) return;
    ticked = true;
    h.fake.human.tickCheckbox('acme/awesome', report().number, 'maintainer', dataIgnoreBox(h));
  };
  await pass(7);
  h.onRequest.hook = undefined;
  expect(ticked).toBe(true);
  // Night 8: the maintainer rejects the fix pull request (closed unmerged).
  const fixPull = () => h.fake.inspect.pulls('acme/awesome').filter((pull) => pull.headRef === 'linkmedic/fix-links');
  h.setNow(at(7, 6));
  h.fake.human.closePull('acme/awesome', fixPull().find((pull) => pull.state === 'open')!.number, 'maintainer');
  h.fake.human.deleteBranch('acme/awesome', 'linkmedic/fix-links', 'maintainer');
  await h.settle();
  await pass(8);
  // Night 9: a new rename; beta's maintainer closes beta's report.
  h.githubApi.store.rename('models/med-llm', 'models/med-llm-v2');
  h.setNow(at(8, 6));
  const betaReport = h.fake.inspect.issues('beta/papers').find((issue) => issue.author === BOT && issue.body?.includes('<!-- linkmedic:report -->'))!;
  h.fake.human.closeIssue('beta/papers', betaReport.number, 'maintainer', 'not_planned');
  await h.settle();
  await pass(9);
  // Night 10: the app is given one more repository (installation_repositories.added).
  h.fake.state.createRepo({ fullName: 'acme/late', files: { 'README.md': '# Late list\n', 'docs/papers.md': '# Papers\n' } });
  h.setNow(at(9, 6));
  h.fake.human.addRepositories([...h.fake.state.installations.values()].find((i) => i.account.login === 'acme')!.id, ['acme/late'], 'acme');
  await h.settle();
  await pass(10);
  // Night 11: the maintainer removes the doomed entry by hand (its issue closes: it left the catalog).
  h.setNow(at(10, 6));
  h.fake.human.push('acme/awesome', 'main', 'maintainer', { 'README.md': h.fake.inspect.file('acme/awesome', 'README.md')!.replace('| Doomed | https://github.com/models/doomed |\n', '') }, 'Remove a deleted model');
  await h.settle();
  await pass(11);
  await pass(12);
  return outcomes;
}
