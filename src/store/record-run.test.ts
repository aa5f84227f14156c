import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { LinkOccurrence } from '../catalog/link-occurrence.js';
import type { CheckResult } from '../check/check-result.js';
import { isLinkmedicError } from '../errors.js';
import type { GithubFacts } from '../metadata/github/github-facts.js';
import type { HubFacts } from '../metadata/huggingface/hub-facts.js';
import { openStore } from './open-store.js';
import { countRows as count, STORE_BACKENDS, type StoreBackend } from './test-fixtures/store-backends.js';
import type { GithubSnapshot, HuggingfaceSnapshot, RecordedRun } from './recorded-run.js';
import { githubRepo, hubRepo, makeRun, result, T0 } from './test-fixtures/make-run.js';

const CATALOG = 'local:README.md';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function thrownBy(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Stands in for a full disk: inserting an occurrence on line 99 fails. */
const FAIL_LATE: Record<StoreBackend['name'], string> = {
  sqlite: `CREATE TEMP TRIGGER fail_late BEFORE INSERT ON occurrences WHEN NEW.line_no = 99
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
  postgres: `CREATE FUNCTION fail_late() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.line_no = 99 THEN RAISE EXCEPTION 'database or disk is full'; END IF; RETURN NEW; END $$;
    CREATE TRIGGER fail_late BEFORE INSERT ON occurrences FOR EACH ROW EXECUTE FUNCTION fail_late()`,
};

describe.each(STORE_BACKENDS)('recordRun ($name)', (backend) => {
  it('stores the run, each result with its places, and one snapshot per repository', async () => {
    const store = await backend.open();
    const checked: CheckResult = {
      url: 'https://github.com/old/name',
      verdict: 'redirected',
      reason: 'repo_rename',
      detail: 'The repository is now new/name.',
      httpStatus: 301,
      finalUrl: 'https://github.com/new/name',
      redirects: [{ status: 301, location: 'https://github.com/new/name' }],
      suggestion: { url: 'https://github.com/new/name', kind: 'repo_rename' },
      elapsedMs: 41.6,
    };
    const place = (url: string, line: number, entry: string): LinkOccurrence => ({
      url, kind: 'inline', text: entry, file: 'README.md', line, column: 5, span: { start: 10, end: 37 },
      section: ['Datasets', '英文'], entry, tableColumn: 'Link',
    });
    const facts = githubRepo('New/Name', 321, 99);
    const deep = 'https://github.com/new/name/tree/main/data';
    const hub = 'https://huggingface.co/datasets/bigbio/med_qa';
    const id = await store.recordRun({
      catalog: CATALOG,
      startedAt: new Date(T0),
      finishedAt: new Date(T0 + 90_000),
      conclusive: true,
      results: [
        { ...checked, occurrences: [place(checked.url, 12, 'MedQA'), place(checked.url, 40, 'MedQA (mirror)')], github: facts },
        { url: deep, verdict: 'alive', reason: 'http_200', detail: 'ok', elapsedMs: 3, occurrences: [], github: facts },
        {
          url: hub, verdict: 'alive', reason: 'http_200', detail: 'ok', elapsedMs: 7, occurrences: [place(hub, 50, 'MedQA')],
          huggingface: { ...hubRepo('bigbio/med_qa', 17), gated: 'manual', downloads: null },
        },
      ],
    });

    expect(await store.runsSince(CATALOG, new Date(0))).toEqual([
      { id, catalog: CATALOG, startedAt: new Date(T0), finishedAt: new Date(T0 + 90_000), conclusive: true, urlCount: 3 },
    ]);
    expect(await store.runResults(id)).toEqual([
      { url: deep, verdict: 'alive', reason: 'http_200', detail: 'ok', elapsedMs: 3, repoKey: 'github:new/name', occurrences: [] },
      {
        url: checked.url, verdict: 'redirected', reason: 'repo_rename', detail: 'The repository is now new/name.', httpStatus: 301,
        finalUrl: 'https://github.com/new/name', suggestion: { url: 'https://github.com/new/name', kind: 'repo_rename' },
        elapsedMs: 42, repoKey: 'github:new/name',
        occurrences: [
          { file: 'README.md', line: 12, column: 5, section: ['Datasets', '英文'], entry: 'MedQA', tableColumn: 'Link' },
          { file: 'README.md', line: 40, column: 5, section: ['Datasets', '英文'], entry: 'MedQA (mirror)', tableColumn: 'Link' },
        ],
      },
      {
        url: hub, verdict: 'alive', reason: 'http_200', detail: 'ok', elapsedMs: 7, repoKey: 'huggingface:dataset/bigbio/med_qa',
        occurrences: [{ file: 'README.md', line: 50, column: 5, section: ['Datasets', '英文'], entry: 'MedQA', tableColumn: 'Link' }],
      },
    ]);
    expect(await store.linkTimeline(CATALOG, checked.url)).toEqual([
      { runId: id, startedAt: new Date(T0), finishedAt: new Date(T0 + 90_000), conclusive: true, verdict: 'redirected', reason: 'repo_rename', httpStatus: 301 },
    ]);
    expect(await store.sql.all(`SELECT repo_key, database_id, full_name, stars, archived, pushed_at, license FROM github_snapshots`)).toEqual([{
      repo_key: 'github:new/name', database_id: 99, full_name: 'New/Name', stars: 321, archived: 0,
      pushed_at: Date.parse('2025-01-01T00:00:00Z'), license: 'MIT',
    }]);
    expect(await store.sql.all(`SELECT repo_key, hf_id, kind, likes, downloads, gated, last_modified FROM huggingface_snapshots`)).toEqual([{
      repo_key: 'huggingface:dataset/bigbio/med_qa', hf_id: 'bigbio/med_qa', kind: 'dataset', likes: 17, downloads: null, gated: 'manual',
      last_modified: Date.parse('2025-01-01T00:00:00.000Z'),
    }]);
  });

  it("takes the metadata stage's facts as they are", async () => {
    expectTypeOf<GithubFacts>().toExtend<GithubSnapshot>();
    expectTypeOf<HubFacts>().toExtend<HuggingfaceSnapshot>();
    const github: GithubFacts = {
      fullName: 'a/b', stars: 1, forks: 0, archived: true, disabled: false, private: false,
      pushedAt: null, license: null, description: null, databaseId: null,
    };
    const hub: HubFacts = { id: 'c/d', kind: 'space', likes: 2, downloads: null, gated: false, disabled: false, private: false, lastModified: null };
    const store = await backend.open();
    const run = makeRun({ at: 0 });
    const id = await store.recordRun({ ...run, results: [{ ...result(['https://github.com/a/b', 'alive']), github }, { ...result(['https://huggingface.co/spaces/c/d', 'alive']), huggingface: hub }] });
    expect((await store.runResults(id)).map((entry) => entry.repoKey)).toEqual(['github:a/b', 'huggingface:space/c/d']);
  });

  it('interns URLs: a year of nights stores each URL once', async () => {
    const store = await backend.open();
    for (let night = 0; night < 5; night++) {
      await store.recordRun(makeRun({ at: night * 24, results: [['https://a.example/', 'alive'], ['https://b.example/', 'timeout']] }));
    }
    expect(await count(store, 'urls')).toBe(2);
    expect(await count(store, 'results')).toBe(10);
  });

  const good = makeRun({ at: 0, results: [['https://a.example/', 'alive']] });
  it.each<[string, RecordedRun, RegExp]>([
    ['the same URL twice', makeRun({ at: 0, results: [['https://a.example/', 'alive'], ['https://a.example/', 'dead']] }), /results: a URL appears twice/],
    ['a run that ends before it starts', { ...good, finishedAt: new Date(T0 - 1) }, /finishedAt: finishedAt is before startedAt/],
    ['a verdict outside the closed set', { ...good, results: [{ ...good.results[0]!, verdict: 'gone' as never }] }, /results\.0\.verdict/],
    ['an unknown key on the run', { ...good, extra: 1 } as RecordedRun, /Unrecognized key/],
    ['a catalog key without a kind', { ...good, catalog: 'README.md' }, /catalog: a key such as/],
    ['negative stars', makeRun({ at: 0, github: [githubRepo('a/b', -1)] }), /results\.0\.github\.stars/],
    ['a GitHub name that is not owner/name', makeRun({ at: 0, github: [githubRepo('just-a-name', 1)] }), /results\.0\.github\.fullName/],
    ['a URL with both kinds of facts', { ...good, results: [{ ...good.results[0]!, github: githubRepo('a/b', 1), huggingface: hubRepo('a/b', 1) }] }, /not both/],
  ])('refuses %s before writing anything', async (_name, run, message) => {
    const store = await backend.open();
    const error = await thrownBy(() => store.recordRun(run));
    expect(isLinkmedicError(error) && error.code).toBe('INTERNAL');
    expect((error as Error).message).toMatch(message);
    expect(await count(store, 'runs')).toBe(0);
  });

  it('rolls back a run that fails half-way through its write', async () => {
    const store = await backend.open();
    await store.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'alive']] }));
    // The write fails after the run row and earlier results went in.
    await store.sql.exec(FAIL_LATE[backend.name]);
    const late = makeRun({ at: 24, results: [['https://a.example/', 'timeout'], ['https://b.example/', 'alive']], github: [githubRepo('a/b', 5)] });
    const broken = { ...late, results: late.results.map((entry, index) => (index === 1 ? { ...entry, occurrences: [{ ...entry.occurrences[0]!, line: 99 }] } : entry)) };
    const error = await thrownBy(() => store.recordRun(broken));
    expect(isLinkmedicError(error) && error.code).toBe('DB_ERROR');
    expect((error as Error).message).toMatch(/failed while recording a run: database or disk is full$/);
    expect(await store.runsSince(CATALOG, new Date(0))).toHaveLength(1);
    for (const [table, rows] of [['results', 1], ['occurrences', 1], ['urls', 1], ['github_snapshots', 0]] as const) {
      expect([table, await count(store, table)]).toEqual([table, rows]);
    }
    expect((await store.linkTimeline(CATALOG, 'https://a.example/')).map((point) => point.verdict)).toEqual(['alive']);
  });

  it('scopes history by catalog', async () => {
    const store = await backend.open();
    await store.recordRun(makeRun({ at: 0, catalog: 'github:a/list', results: [['https://x.example/', 'timeout']] }));
    await store.recordRun(makeRun({ at: 24, catalog: 'github:b/list', results: [['https://x.example/', 'alive']] }));
    expect((await store.linkTimeline('github:a/list', 'https://x.example/')).map((point) => point.verdict)).toEqual(['timeout']);
    expect(await store.runsSince('github:b/list', new Date(0))).toHaveLength(1);
  });
});

describe('recordRun (SQLite file)', () => {
  it('waits for another writer, then reports a lock it cannot get as DB_ERROR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkmedic-lock-'));
    dirs.push(dir);
    const path = join(dir, 'linkmedic.db');
    const store = await openStore({ path, busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const error = await thrownBy(() => store.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'alive']] })));
    expect(isLinkmedicError(error) && error.code).toBe('DB_ERROR');
    expect((error as Error).message).toContain('database is locked');
    // Readers are not blocked by a writer in WAL mode.
    expect(await store.runsSince(CATALOG, new Date(0))).toEqual([]);
    other.exec('ROLLBACK');
    other.close();
    expect(await store.recordRun(makeRun({ at: 1, results: [['https://a.example/', 'alive']] }))).toBe(1);
    await store.close();
  });

});
