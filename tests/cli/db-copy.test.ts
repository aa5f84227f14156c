import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PassLog } from '../../src/github-app/state/pass-log.js';
import { RepoMemory } from '../../src/github-app/state/repo-memory.js';
import { RepoRemovals } from '../../src/github-app/state/repo-removals.js';
import { deadRules } from '../../src/store/dead-rules.js';
import { COPIED_TABLES, NOT_COPIED_TABLES } from '../../src/store/copy/copied-tables.js';
import { tableNames, tableShape } from '../../src/store/copy/table-shape.js';
import type { HistoryStore } from '../../src/store/history-store.js';
import { Leases } from '../../src/store/leases/leases.js';
import { openStore } from '../../src/store/open-store.js';
import { DAY, githubRepo, HOUR, hubRepo, makeRun, T0 } from '../../src/store/test-fixtures/make-run.js';
import { newPostgresSchemaUrl, POSTGRES_AVAILABLE, STORE_BACKENDS } from '../../src/store/test-fixtures/store-backends.js';
import { runCli } from '../support/cli-harness.js';

const CATALOG = 'github:acme/awesome';
const OTHER = 'local:README.md';
const URLS = ['https://a.example/', 'https://b.example/', 'https://c.example/', 'https://github.com/acme/tool', 'https://huggingface.co/datasets/acme/data'];

/** Five nights of two catalogs and a big one, with repository snapshots, plus what the app keeps beside them. */
async function writeHistory(store: HistoryStore): Promise<number[]> {
  const runIds: number[] = [];
  for (let night = 0; night < 5; night += 1) {
    runIds.push(await store.recordRun(makeRun({
      catalog: CATALOG,
      at: night * 24,
      minutes: 7,
      conclusive: night !== 2,
      results: [['https://a.example/', 'alive'], ['https://b.example/', night >= 1 ? 'dead' : 'alive'], ['https://c.example/', night % 2 ? 'timeout' : 'redirected']],
      github: [githubRepo('acme/tool', 100 + night * 3, 4242)],
      huggingface: [hubRepo('acme/data', 10 + night)],
    })));
    runIds.push(await store.recordRun(makeRun({ catalog: OTHER, at: night * 24 + 1, results: [['https://a.example/', 'alive']] })));
  }
  // More rows than the copy reads per page, in tables keyed by one, two and three columns.
  runIds.push(await store.recordRun(makeRun({ catalog: OTHER, at: 5 * 24, results: Array.from({ length: 2_100 }, (_, i) => [`https://bulk.example/${i}`, 'alive'] as const) })));
  const passes = new PassLog(store.sql);
  const memory = new RepoMemory(store.sql);
  const pass = await passes.openPass('schedule', new Date(T0 + 4 * DAY), HOUR);
  await passes.mark(pass.id, 'acme/awesome', 'failed', new Date(T0 + 4 * DAY), { detail: 'GitHub answered 502', attempt: true });
  await memory.saveRun({ runId: runIds.at(-2)!, repo: 'acme/awesome', headSha: 'a'.repeat(40), config: { files: ['README.md'] } as never, report: { links: [], startedAt: new Date(T0).toISOString() } as never }, { id: pass.id, now: new Date(T0 + 4 * DAY) });
  await passes.finishPass(pass.id, new Date(T0 + 4 * DAY + HOUR));
  await passes.openPass('schedule', new Date(T0 + 5 * DAY), HOUR);
  await memory.ignore('acme/awesome', 'https://c.example/', 'maintainer', new Date(T0 + 3 * DAY));
  await memory.saveRecheck('acme/awesome', { url: 'https://b.example/', at: new Date(T0 + 4 * DAY + 2 * HOUR), verdict: 'dead', detail: 'HTTP 404', askedBy: 'maintainer' });
  await store.rememberArchiveAnswers([
    { url: 'https://b.example/', checkedAt: new Date(T0 + 4 * DAY), snapshotUrl: 'https://web.archive.org/web/20250101000000/https://b.example/' },
    { url: 'https://c.example/', checkedAt: new Date(T0 + 4 * DAY) },
  ], new Date(T0));
  await new RepoRemovals(store.sql).markRepositoryRemoved('acme/old-list', new Date(T0 + 2 * DAY));
  await store.sql.run('INSERT INTO catalog_rekeys (old_key, new_key, outcome, runs, evidence, rekeyed_at) VALUES (?, ?, ?, ?, ?, ?)', [
    'local:README.md', 'local:/srv/list/README.md', 'moved', 2, 'the database is in /srv/list/.linkmedic', T0 + DAY,
  ]);
  // A lease belongs to a process running now, not to the history: it stays behind.
  await new Leases(store.sql).acquire('repo:acme/awesome');
  return runIds;
}

async function rowsOf(store: HistoryStore, table: string): Promise<unknown[]> {
  const { primaryKey } = await tableShape(store.sql, table);
  return store.sql.all(`SELECT * FROM ${table} ORDER BY ${primaryKey.join(', ')}`);
}

/** What reports and the app read from history, asked of one store. */
async function answers(store: HistoryStore, runIds: number[]) {
  const at = new Date(T0 + 5 * DAY);
  return {
    catalogs: await store.recordedCatalogs(),
    states: [...(await store.linkStates(CATALOG, URLS, deadRules({ runs: 2, hours: 24 }))).entries()],
    changes: await store.linkChanges(CATALOG),
    trends: [...(await store.repoTrends(CATALOG, { at })).entries()],
    series: [...(await store.repoSeries(CATALOG, new Date(T0))).entries()],
    availability: await store.availabilitySince(CATALOG, new Date(T0)),
    timeline: await store.linkTimeline(CATALOG, 'https://b.example/'),
    results: await Promise.all(runIds.map((id) => store.runResults(id))),
  };
}

describe('the copied tables', () => {
  it.each(STORE_BACKENDS)('are every table of the schema, or left behind on purpose ($name)', async (backend) => {
    const store = await backend.open();
    expect(await tableNames(store.sql)).toEqual([...COPIED_TABLES, ...NOT_COPIED_TABLES].sort());
  });
});

describe.skipIf(!POSTGRES_AVAILABLE)('linkmedic db copy --from FILE --to postgres://…', () => {
  let dir: string;
  let sqlitePath: string;
  let runIds: number[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'linkmedic-db-copy-'));
    sqlitePath = path.join(dir, 'linkmedic.db');
    const source = await openStore({ path: sqlitePath, now: () => new Date(T0 + 5 * DAY) });
    runIds = await writeHistory(source);
    await source.close();
  });

  it('copies every row, ids included, so history reads the same and the next run gets a new id', async () => {
    const to = await newPostgresSchemaUrl();
    const copied = await runCli(['db', 'copy', '--from', 'linkmedic.db', '--to', to], { cwd: dir });
    expect([copied.code, copied.stderr]).toEqual([0, '']);
    const lines = copied.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1).map((line) => line.split(/ {2,}/))).toEqual([
      ['runs', '11'], ['urls', '2105'], ['results', '2130'], ['occurrences', '2130'], ['github_snapshots', '5'], ['huggingface_snapshots', '5'],
      ['archive_lookups', '2'], ['catalog_rekeys', '1'], ['app_passes', '2'], ['app_pass_repos', '1'], ['app_repo_runs', '1'], ['app_ignored_urls', '1'], ['app_rechecks', '1'],
      ['app_removed_repos', '1'],
    ]);
    expect(lines.at(-1)).toMatch(/^copied 6396 rows from \/\S+\/linkmedic\.db to postgres:\/\/postgres@127\.0\.0\.1:5432\/test\?options=\S+$/);

    const now = () => new Date(T0 + 5 * DAY);
    const [source, target] = [await openStore({ path: sqlitePath, now }), await openStore({ path: to, now })];
    try {
      for (const table of COPIED_TABLES) expect({ table, rows: await rowsOf(target, table) }).toEqual({ table, rows: await rowsOf(source, table) });
      expect(await rowsOf(target, 'app_leases')).toEqual([]);
      expect(await answers(target, runIds)).toEqual(await answers(source, runIds));

      const next = await target.recordRun(makeRun({ catalog: CATALOG, at: 5 * 24, results: [['https://new.example/', 'alive']] }));
      expect(next).toBe(Math.max(...runIds) + 1);
      expect(await target.sql.get(`SELECT id FROM urls WHERE url = ?`, ['https://new.example/'])).toEqual({ id: URLS.length + 2_100 + 1 });
      expect((await new PassLog(target.sql).openPass('schedule', new Date(T0 + 10 * DAY), HOUR)).id).toBe(3);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it.each([
    { name: 'a target that is not Postgres', args: (cwd: string) => ['--from', 'linkmedic.db', '--to', path.join(cwd, 'other.db')], env: {}, code: 2, line: /^linkmedic: db copy fills a PostgreSQL database, and --to is not a postgres:\/\/ URL \(e\.g\. / },
    { name: 'a DATABASE_URL that is not Postgres', args: () => ['--from', 'linkmedic.db'], env: { DATABASE_URL: 'mysql://db/shop' }, code: 2, line: /^linkmedic: db copy fills a PostgreSQL database, and DATABASE_URL is not a postgres:\/\/ URL/ },
    { name: 'no target at all', args: () => ['--from', 'linkmedic.db'], env: {}, code: 2, line: /^linkmedic: db copy needs the Postgres database to fill \(pass --to/ },
    { name: 'a missing source', args: () => ['--from', 'nothing.db', '--to', 'postgres://127.0.0.1:1/never-opened'], env: {}, code: 2, line: /^linkmedic: no history database at \/\S+\/nothing\.db \(/ },
  ])('refuses $name, in one line', async ({ args, env, code, line }) => {
    const run = await runCli(['db', 'copy', ...args(dir)], { cwd: dir, env });
    expect([run.code, run.stdout]).toEqual([code, '']);
    expect(run.stderr).toMatch(line);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses a target that already holds history, leaving it untouched; DATABASE_URL names the target', async () => {
    const to = await newPostgresSchemaUrl();
    expect((await runCli(['db', 'copy', '--from', 'linkmedic.db'], { cwd: dir, env: { DATABASE_URL: to } })).code).toBe(0);
    const again = await runCli(['db', 'copy', '--from', 'linkmedic.db', '--to', to], { cwd: dir });
    expect([again.code, again.stdout]).toEqual([4, '']);
    expect(again.stderr).toMatch(/^linkmedic: history database postgres:\/\/\S+ already holds linkmedic data \(11 rows in runs\); db copy only fills an empty database \(point --to at a new database or schema; nothing was written\)\n$/);
    const target = await openStore({ path: to });
    expect((await rowsOf(target, 'runs')).length).toBe(11);
    await target.close();
  });
});
