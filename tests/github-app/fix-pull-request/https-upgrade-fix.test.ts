import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIX_BRANCH } from '../../../src/github-app/fix-pull-request/fix-branch.js';
import { syncFixPullRequest } from '../../../src/github-app/fix-pull-request/sync-fix-pull-request.js';
import { respond } from '../../support/simulated-web/index.js';
import { startRepoRunHarness, type RepoRunHarness } from '../dead-link-issues/repo-run-harness.js';

let h: RepoRunHarness;

const README = [
  '# Awesome',
  '',
  '- [Upgraded](http://upgraded.example.test/guide) - http redirects to https.',
  '- [Plain](http://plain.example.test/guide) - the same page on both.',
  '- [Closed port](http://closed.example.test/guide) - nothing on port 80.',
  '- [Parked](http://parked.example.test/guide) - https is a parking page.',
  '- [Expired](http://expired.example.test/guide) - https has an expired certificate.',
  '',
].join('\n');

beforeAll(async () => {
  h = await startRepoRunHarness({ files: () => ({ 'README.md': README }) });
  const { byScheme, ok, redirect, reset } = respond;
  h.web.route('upgraded.example.test', '/guide', byScheme({ http: redirect(301, 'https://upgraded.example.test/guide'), https: ok() }));
  h.web.route('plain.example.test', '/guide', ok());
  h.web.route('closed.example.test', '/guide', byScheme({ http: reset(), https: ok() }));
  h.web.route('parked.example.test', '/guide', byScheme({ http: ok(), https: redirect(302, 'https://lander.example.test/') }));
  h.web.route('lander.example.test', '/', ok());
  h.web.route('expired.example.test', '/guide', ok());
});
afterAll(() => h.close());

const readme = (ref?: string) => h.fake.inspect.file(h.fullName, 'README.md', ref)!;

describe('https upgrades in the rolling fix pull request', () => {
  it('proposes none with fixes.https off', async () => {
    const outcome = await syncFixPullRequest(await h.night({ fixes: { https: false } }));
    expect(outcome).toMatchObject({ action: 'none', fixes: [] });
  });

  it('switches to https exactly the links whose https form gave the same page, with the evidence', async () => {
    const run = await h.night();
    expect(run.catalogRun.report.summary).toMatchObject({ total: 5, redirected: 1, alive: 3, network_error: 1 });
    const outcome = await syncFixPullRequest(run);
    expect(outcome.action).toBe('opened');
    expect(outcome.fixes.map((fix) => [fix.kind, fix.from, fix.to])).toEqual([
      ['https_upgrade', 'http://upgraded.example.test/guide', 'https://upgraded.example.test/guide'],
      ['https_upgrade', 'http://plain.example.test/guide', 'https://plain.example.test/guide'],
      ['https_upgrade', 'http://closed.example.test/guide', 'https://closed.example.test/guide'],
    ]);
    expect(readme(FIX_BRANCH)).toBe(
      README.replace('(http://upgraded.', '(https://upgraded.').replace('(http://plain.', '(https://plain.').replace('(http://closed.', '(https://closed.'),
    );
    const [pull] = h.fake.inspect.pulls(h.fullName);
    expect(pull).toMatchObject({ title: 'linkmedic: fix 3 links' });
    const rows = pull!.body!.split('\n').filter((line) => line.startsWith('| README.md'));
    expect(rows).toEqual([
      '| README.md | Upgraded | `http://upgraded.example.test/guide` | `https://upgraded.example.test/guide` | same page over https | The http:// link redirects (301 → https://upgraded.example.test/guide); its https:// form reaches the same page in this run. |',
      '| README.md | Plain | `http://plain.example.test/guide` | `https://plain.example.test/guide` | same page over https | The http:// link and its https:// form answered with the same page in this run. |',
      '| README.md | Closed port | `http://closed.example.test/guide` | `https://closed.example.test/guide` | same page over https | Over http:// the link fails (connection_reset); its https:// form answered at the same address in this run. |',
    ]);
    expect(h.fake.inspect.commits(h.fullName, FIX_BRANCH)[0]!.message).toContain('- 3 × same page over https');
  });
});
