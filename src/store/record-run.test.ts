import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkOccurrence } from '../catalog/link-occurrence.js';
import type { CheckResult } from '../check/check-result.js';
import { isLinkmedicError } from '../errors.js';
import { openStore } from './open-store.js';
import type { RecordedRun } from './recorded-run.js';
import { githubRepo, hubRepo, makeRun, T0 } from './test-fixtures/make-run.js';

const CATALOG = 'local:README.md';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

const count = (store: ReturnType<typeof openStore>, table: string): number =>
  store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('recordRun', () => {
  it('stores the run, each result with its places, and the repository snapshots', () => {
    const store = openStore({ path: ':memory:' });
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
    const place = (line: number, entry: string): LinkOccurrence => ({
      url: checked.url, kind: 'inline', text: entry, file: 'README.md', line, column: 5, span: { start: 10, end: 37 },
      section: ['Datasets', '英文'], entry, tableColumn: 'Link',
    });
    const id = store.recordRun({
      catalog: CATALOG,
      startedAt: new Date(T0),
      finishedAt: new Date(T0 + 90_000),
      conclusive: true,
      results: [{ ...checked, occurrences: [place(12, 'MedQA'), place(40, 'MedQA (mirror)')] }],
      github: [githubRepo('New/Name', 321, 99)],
      huggingface: [{ ...hubRepo('bigbio/med_qa', 17), gated: 'manual', downloads: null }],
    });

    expect(store.runsSince(CATALOG, new Date(0))).toEqual([
      { id, catalog: CATALOG, startedAt: new Date(T0), finishedAt: new Date(T0 + 90_000), conclusive: true, urlCount: 1 },
    ]);
    expect(store.linkTimeline(CATALOG, checked.url)).toEqual([
      { runId: id, startedAt: new Date(T0), finishedAt: new Date(T0 + 90_000), conclusive: true, verdict: 'redirected', reason: 'repo_rename', httpStatus: 301 },
    ]);
    const row = store.db.prepare(`SELECT detail, final_url, suggestion_url, suggestion_kind, elapsed_ms FROM results`).get();
    expect(row).toEqual({
      detail: 'The repository is now new/name.', final_url: 'https://github.com/new/name',
      suggestion_url: 'https://github.com/new/name', suggestion_kind: 'repo_rename', elapsed_ms: 42,
    });
    expect(store.lastOccurrences(CATALOG, checked.url)?.places).toEqual([
      { file: 'README.md', line: 12, column: 5, section: ['Datasets', '英文'], entry: 'MedQA', tableColumn: 'Link' },
      { file: 'README.md', line: 40, column: 5, section: ['Datasets', '英文'], entry: 'MedQA (mirror)', tableColumn: 'Link' },
    ]);
    expect(store.db.prepare(`SELECT repo_key, database_id, full_name, stars, archived, pushed_at, license FROM github_snapshots`).get()).toEqual({
      repo_key: 'github:new/name', database_id: 99, full_name: 'New/Name', stars: 321, archived: 0,
      pushed_at: Date.parse('2025-01-01T00:00:00Z'), license: 'MIT',
    });
    expect(store.db.prepare(`SELECT repo_key, hf_id, kind, likes, downloads, gated FROM huggingface_snapshots`).get()).toEqual({
      repo_key: 'huggingface:dataset/bigbio/med_qa', hf_id: 'bigbio/med_qa', kind: 'dataset', likes: 17, downloads: null, gated: 'manual',
    });
    store.close();
  });

  it('interns URLs: a year of nights stores each URL once', () => {
    const store = openStore({ path: ':memory:' });
    for (let night = 0; night < 5; night++) {
      store.recordRun(makeRun({ at: night * 24, results: [['https://a.example/', 'alive'], ['https://b.example/', 'timeout']] }));
    }
    expect(count(store, 'urls')).toBe(2);
    expect(count(store, 'results')).toBe(10);
    store.close();
  });

  const good = makeRun({ at: 0, results: [['https://a.example/', 'alive']] });
  it.each<[string, RecordedRun, RegExp]>([
    ['the same URL twice', makeRun({ at: 0, results: [['https://a.example/', 'alive'], ['https://a.example/', 'dead']] }), /results: a URL appears twice/],
    ['a run that ends before it starts', { ...good, finishedAt: new Date(T0 - 1) }, /finishedAt: finishedAt is before startedAt/],
    ['a verdict outside the closed set', { ...good, results: [{ ...good.results[0]!, verdict: 'gone' as never }] }, /results\.0\.verdict/],
    ['an unknown key on the run', { ...good, extra: 1 } as RecordedRun, /Unrecognized key/],
    ['a catalog key without a kind', { ...good, catalog: 'README.md' }, /catalog: a key such as/],
    ['negative stars', { ...good, github: [githubRepo('a/b', -1)] }, /github\.0\.stars/],
    ['a GitHub name that is not owner/name', { ...good, github: [githubRepo('just-a-name', 1)] }, /github\.0\.fullName/],
  ])('refuses %s before writing anything', (_name, run, message) => {
    const store = openStore({ path: ':memory:' });
    const error = thrownBy(() => store.recordRun(run));
    expect(isLinkmedicError(error) && error.code).toBe('INTERNAL');
    expect((error as Error).message).toMatch(message);
    expect(count(store, 'runs')).toBe(0);
    store.close();
  });

  it('rolls back a run that fails half-way through its write', () => {
    const store = openStore({ path: ':memory:' });
    store.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'alive']] }));
    // Two spellings of one repository collide on its key only after every result is written.
    const clash = makeRun({ at: 24, results: [['https://a.example/', 'timeout'], ['https://b.example/', 'alive']], github: [githubRepo('Foo/Bar', 1), githubRepo('foo/bar', 1)] });
    const error = thrownBy(() => store.recordRun(clash));
    expect(isLinkmedicError(error) && error.code).toBe('DB_ERROR');
    expect((error as Error).message).toMatch(/failed while recording a run: UNIQUE constraint failed/);
    expect(store.runsSince(CATALOG, new Date(0))).toHaveLength(1);
    expect(count(store, 'results')).toBe(1);
    expect(count(store, 'occurrences')).toBe(1);
    expect(store.linkTimeline(CATALOG, 'https://a.example/').map((point) => point.verdict)).toEqual(['alive']);
    store.close();
  });

  it('waits for another writer, then reports a lock it cannot get as DB_ERROR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkmedic-lock-'));
    dirs.push(dir);
    const path = join(dir, 'linkmedic.db');
    const store = openStore({ path, busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const error = thrownBy(() => store.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'alive']] })));
    expect(isLinkmedicError(error) && error.code).toBe('DB_ERROR');
    expect((error as Error).message).toContain('database is locked');
    // Readers are not blocked by a writer in WAL mode.
    expect(store.runsSince(CATALOG, new Date(0))).toEqual([]);
    other.exec('ROLLBACK');
    other.close();
    expect(store.recordRun(makeRun({ at: 1, results: [['https://a.example/', 'alive']] }))).toBe(1);
    store.close();
  });

  it('scopes history by catalog', () => {
    const store = openStore({ path: ':memory:' });
    store.recordRun(makeRun({ at: 0, catalog: 'github:a/list', results: [['https://x.example/', 'timeout']] }));
    store.recordRun(makeRun({ at: 24, catalog: 'github:b/list', results: [['https://x.example/', 'alive']] }));
    expect(store.linkTimeline('github:a/list', 'https://x.example/').map((point) => point.verdict)).toEqual(['timeout']);
    expect(store.runsSince('github:b/list', new Date(0))).toHaveLength(1);
    store.close();
  });
});
