import type { FakeGitHub } from '../../support/fake-github/index.js';
import { respond, type SimulatedWeb } from '../../support/simulated-web/index.js';
import { BOT, DAY } from './app-harness.js';
import { NIGHT_0 } from './nights-scenario.js';

/** What the fleet scenario needs from a deployment: one process, or a web process and workers. */
export interface FleetHarness {
  fake: FakeGitHub;
  web: SimulatedWeb;
  setNow(at: Date): void;
  /** Until every webhook is handled and the work it queued is done, repeatedly, until quiet. */
  settle(): Promise<void>;
  /** Sets the clock, runs one nightly pass to its end, then settles. */
  night(at: Date): Promise<unknown>;
}

export const fleetNight = (n: number) => new Date(NIGHT_0.getTime() + n * DAY);
const at = (n: number, hours: number) => new Date(fleetNight(n).getTime() + hours * 3_600_000);

/** 20 repositories over 3 installations. */
export const FLEET: Record<string, string[]> = {
  acme: Array.from({ length: 8 }, (_, i) => `acme/list-${i + 1}`),
  beta: Array.from({ length: 7 }, (_, i) => `beta/list-${i + 1}`),
  gamma: Array.from({ length: 5 }, (_, i) => `gamma/list-${i + 1}`),
};
export const FLEET_REPOS = Object.values(FLEET).flat();
/** Without a configuration at install: one onboarding pull request merged, one left open. */
const MERGED = 'acme/list-8';
const PENDING = 'gamma/list-5';
export const CONFIGURED = FLEET_REPOS.filter((repo) => repo !== PENDING);
const CONFIG = 'allowPrivateNetworks: true\n';

function catalog(h: FleetHarness, fullName: string, index: number): string {
  const url = (path: string) => h.web.url('site.example.test', path, 'http');
  return [
    `# ${fullName}`,
    '',
    `- [Home](${url('/ok')})`,
    `- [Own page](${url(`/page-${index}`)})`,
    ...(index % 3 === 0 ? [`- [Doomed](${url(`/doomed-${index % 2}`)})`] : []),
    ...(index % 5 === 0 ? [`- [Moved](${url('/moved')})`] : []),
    '',
  ].join('\n');
}

const report = (h: FleetHarness, fullName: string) =>
  h.fake.inspect.issues(fullName).find((issue) => issue.author === BOT && issue.body?.includes('<!-- linkmedic:report -->'))!;

/**
 * Three nights over the fleet: installing (onboarding, first runs), a merged onboarding pull
 * request, two doomed pages failing from night 2 (confirmed dead on night 3: one issue per URL and
 * repository), a moved page (a fix pull request), a ticked "recheck every failing link" and a
 * `/linkmedic recheck` between nights. `during` runs at each night's start (after the clock moved).
 */
export async function playFleet(h: FleetHarness, during: (night: number) => void = () => {}): Promise<void> {
  h.web.route('site.example.test', '/ok', respond.ok('<title>Home</title>'));
  h.web.route('site.example.test', '/doomed-0', respond.ok('<title>Doomed</title>'));
  h.web.route('site.example.test', '/doomed-1', respond.ok('<title>Doomed</title>'));
  h.web.route('site.example.test', '/moved', respond.redirect(301, '/ok'));
  FLEET_REPOS.forEach((fullName, index) => {
    h.web.route('site.example.test', `/page-${index}`, respond.ok(`<title>${fullName}</title>`));
    const configured = fullName !== MERGED && fullName !== PENDING;
    h.fake.state.createRepo({ fullName, files: { 'README.md': catalog(h, fullName, index), ...(configured && { '.github/linkmedic.yml': CONFIG }) } });
  });

  h.setNow(at(0, -3));
  for (const [account, repositories] of Object.entries(FLEET)) h.fake.human.install({ account, repositories });
  await h.settle();
  // The maintainer takes the onboarding pull request, allowing the test network on its branch.
  const onboarding = h.fake.inspect.pulls(MERGED).find((pull) => pull.headRef === 'linkmedic/configure')!;
  const proposed = h.fake.inspect.file(MERGED, '.github/linkmedic.yml', 'linkmedic/configure')!;
  h.fake.human.push(MERGED, 'linkmedic/configure', 'maintainer', { '.github/linkmedic.yml': `${proposed}\n${CONFIG}` }, 'Allow the test network');
  h.fake.human.mergePull(MERGED, onboarding.number, 'maintainer');
  await h.settle();

  during(1);
  await h.night(fleetNight(1));
  // Night 2: the doomed pages go.
  h.web.route('site.example.test', '/doomed-0', respond.status(404));
  h.web.route('site.example.test', '/doomed-1', respond.status(410));
  during(2);
  await h.night(fleetNight(2));
  // A maintainer asks for every failing link to be checked again; another asks in a comment.
  h.setNow(at(2, 5));
  h.fake.human.tickCheckbox('acme/list-1', report(h, 'acme/list-1').number, 'maintainer', /linkmedic:recheck-all/);
  await h.settle();
  h.fake.human.comment('beta/list-2', report(h, 'beta/list-2').number, 'beta', '/linkmedic recheck');
  await h.settle();
  // Night 3: the doomed pages are confirmed dead (failing on two nights, 24 h apart).
  during(3);
  await h.night(fleetNight(3));
}
