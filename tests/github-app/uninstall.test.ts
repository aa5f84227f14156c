import { afterEach, describe, expect, it } from 'vitest';
import { githubCatalogKey } from '../../src/store/catalog-key.js';
import { countRows } from '../../src/store/test-fixtures/store-backends.js';
import { respond } from '../support/simulated-web/index.js';
import { startAppHarness, type AppHarness } from './support/app-harness.js';
import { night } from './support/nights-scenario.js';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const APP_TABLES = ['app_repo_runs', 'app_ignored_urls', 'app_rechecks', 'app_pass_repos'];
const appRows = async (harness: AppHarness, repo: string) =>
  Object.fromEntries(await Promise.all(APP_TABLES.map(async (table) => [table, await countRows(harness.store, table, `WHERE repo = '${repo}'`)] as const)));

describe('removing the app', () => {
  it("deletes what the app kept about the repositories it was removed from, keeps their history, and leaves the others' alone", async () => {
    h = await startAppHarness({ start: night(0) });
    h.web.route('*', '/ok', respond.ok('<title>ok</title>'));
    const files = (name: string) => ({ 'README.md': `# ${name}\n- [ok](${h!.web.url('a.example.test', '/ok')})\n`, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' });
    for (const name of ['acme/one', 'acme/two', 'beta/three']) h.fake.state.createRepo({ fullName: name, files: files(name) });
    const acme = h.fake.human.install({ account: 'acme', repositories: ['acme/one', 'acme/two'] });
    h.fake.human.install({ account: 'beta', repositories: ['beta/three'] });
    await h.settle();
    await h.night(night(1));
    await h.runtime.memory.ignore('acme/one', 'https://ignored.example.test/', 'maintainer', h.now());
    const before = await appRows(h, 'acme/one');
    expect(before).toMatchObject({ app_repo_runs: 1, app_ignored_urls: 1, app_pass_repos: 1 });

    // One repository taken from the installation, then the whole installation removed.
    h.fake.human.removeRepositories(acme.id, ['acme/one'], 'acme');
    await h.settle();
    expect(await appRows(h, 'acme/one')).toEqual({ app_repo_runs: 0, app_ignored_urls: 0, app_rechecks: 0, app_pass_repos: 0 });
    expect((await appRows(h, 'acme/two')).app_repo_runs).toBe(1);
    h.fake.human.uninstall(acme.id, 'acme');
    await h.settle();
    expect(await appRows(h, 'acme/two')).toEqual({ app_repo_runs: 0, app_ignored_urls: 0, app_rechecks: 0, app_pass_repos: 0 });

    // History stays (retention deletes it later); another installation's state is untouched.
    for (const name of ['acme/one', 'acme/two']) expect((await h.store.latestRuns(githubCatalogKey(name), 10)).length, name).toBe(2);
    expect(await appRows(h, 'beta/three')).toMatchObject({ app_repo_runs: 1, app_pass_repos: 1 });
    // The next night walks only what the app is still installed on.
    const outcome = await h.night(night(2));
    expect(outcome.status !== 'busy' && outcome.repos.map((repo) => repo.repo)).toEqual(['beta/three']);
  });
});
