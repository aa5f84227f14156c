import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubCatalogKey } from '../../src/store/catalog-key.js';
import { respond } from '../support/simulated-web/index.js';
import { DAY, startAppHarness, type AppHarness } from './support/app-harness.js';

const T0 = new Date('2026-12-01T03:00:00Z');
const day = (n: number) => new Date(T0.getTime() + n * DAY);
let h: AppHarness;

beforeAll(async () => {
  h = await startAppHarness({ start: T0 });
  h.web.route('site.example.test', '/ok', respond.ok('<title>fine</title>'));
});
afterAll(() => h?.close());

const runs = async (repo: string) => (await h.store.runsSince(githubCatalogKey(repo), new Date(0))).length;

describe('history of a repository removed from the app (LINKMEDIC_HISTORY_RETENTION_DAYS, default 90)', () => {
  it('is deleted by the first nightly pass 90 days after the removal; an installed repository keeps its history', async () => {
    const readme = `# List\n- [ok](${h.web.url('site.example.test', '/ok', 'https')})\n`;
    for (const name of ['gone/list', 'back/list']) h.fake.state.createRepo({ fullName: name, files: { 'README.md': readme, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
    const gone = h.fake.state.install({ account: 'gone' });
    h.fake.state.install({ account: 'back' });
    await h.night(day(0));
    expect([await runs('gone/list'), await runs('back/list')]).toEqual([1, 1]);

    // gone/list is uninstalled; back/list is removed and added back, the second event missed.
    h.fake.state.installations.delete(gone.id);
    await h.runtime.removals.markRepositoryRemoved('gone/list', day(1));
    await h.runtime.removals.markRepositoryRemoved('back/list', day(1));

    await h.night(day(2));
    // The pass saw back/list installed after its removal: forgotten, so never deleted.
    expect((await h.runtime.removals.list()).map((removal) => removal.repo)).toEqual(['gone/list']);
    await h.night(day(90));
    expect(await runs('gone/list')).toBe(1);

    await h.night(day(91));
    expect(await runs('gone/list')).toBe(0);
    expect(await runs('back/list')).toBe(4);
    expect(await h.runtime.removals.list()).toEqual([]);
    expect(h.logs.filter((line) => line.includes('history of a repository removed from the app deleted')).map((line) => JSON.parse(line) as Record<string, unknown>))
      .toEqual([expect.objectContaining({ repo: 'gone/list', removedAt: day(1).toISOString(), runs: 1, urls: 0 })]);
  });
});
