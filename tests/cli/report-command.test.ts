import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryReport } from '../../src/report/history-report.js';
import { bundledCatalogKey } from '../../src/store/catalog-key.js';
import { openStore } from '../../src/store/open-store.js';
import { DAY, githubRepo, makeRun, T0 } from '../../src/store/test-fixtures/make-run.js';
import { runCli } from '../support/cli-harness.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'linkmedic-report-'));
// What `linkmedic check` with no files records under, from any folder.
const BUNDLED_KEY = bundledCatalogKey();
const now = () => new Date(T0 + 4 * DAY);

/** A database with four nights of the bundled catalog (a link dies on the third) and one run of another catalog. */
async function historyDb(): Promise<string> {
  const file = path.join(scratch, 'history.db');
  if (existsSync(file)) return file;
  const store = await openStore({ path: file });
  for (let night = 0; night < 4; night++) {
    await store.recordRun(makeRun({
      at: night * 24, catalog: BUNDLED_KEY,
      results: [['https://a.example/', night < 2 ? 'alive' : 'dead'], ['https://b.example/', 'restricted']],
      github: [githubRepo('Org/Repo', 100 + night)],
    }));
  }
  await store.recordRun(makeRun({ at: 30, catalog: 'github:org/other', results: [['https://c.example/', 'alive']] }));
  await store.close();
  return file;
}

/** A database holding one catalog only. */
async function oneCatalogDb(): Promise<string> {
  const file = path.join(scratch, 'one.db');
  if (existsSync(file)) return file;
  const store = await openStore({ path: file });
  await store.recordRun(makeRun({ at: 30, catalog: 'github:org/other', results: [['https://c.example/', 'alive']] }));
  await store.close();
  return file;
}

async function emptyDb(): Promise<string> {
  const file = path.join(scratch, 'empty.db');
  await (await openStore({ path: file })).close();
  return file;
}

describe('linkmedic report: refusals, one line each, exit 2', () => {
  it.each([
    { name: 'no database file', args: async () => ['--db', path.join(scratch, 'missing.db')], message: /^linkmedic: no history database at \S+missing\.db \(run linkmedic check first, which records history there, or pass --db PATH\)\n$/ },
    { name: 'no run of the catalog: the recorded ones are listed', args: async () => ['--db', await historyDb(), '--catalog', 'local:nope.md'], message: /^linkmedic: the history database \S+ has no runs of local:nope\.md \(pick one with --catalog KEY: bundled:awesome-medical-healthcare-dataset-for-llm\.md \(4 runs, last 2025-03-04\), github:org\/other \(1 run, last 2025-03-02\)\)\n$/ },
    { name: 'FILES that were never checked', args: async () => ['--db', await historyDb(), 'README.md'], message: /^linkmedic: the history database \S+ has no runs of git:\S+:README\.md \(pick one with --catalog KEY: bundled:\S+ \(4 runs, last 2025-03-04\), github:org\/other \(1 run, last 2025-03-02\)\)\n$/ },
    { name: 'a database without runs', args: async () => ['--db', await emptyDb()], message: /^linkmedic: the history database \S+empty\.db holds no runs yet \(run linkmedic check first\)\n$/ },
    { name: 'a database without runs, FILES given', args: async () => ['--db', await emptyDb(), 'README.md'], message: /has no runs of git:\S+:README\.md \(the database holds no runs yet: run linkmedic check first\)\n$/ },
    { name: 'a --since it cannot read', args: async () => ['--db', await historyDb(), '--since', 'last week'], message: /^linkmedic: --since: expected a span like 30d, 12h or 8w, or a date like 2026-10-01; got "last week" \(see linkmedic report --help\)\n$/ },
    { name: '--catalog and files together', args: async () => ['--db', await historyDb(), '--catalog', 'github:org/other', 'README.md'], message: /^linkmedic: --catalog and FILES name the catalog twice \(pass one of them\)\n$/ },
    { name: '--json with another --format', args: async () => ['--db', await historyDb(), '--json', '--format', 'markdown'], message: /^linkmedic: --format: --json means --format json; pass only one of them/ },
    { name: 'an unknown format', args: async () => ['--format', 'pdf'], message: /^linkmedic: option '--format <format>' argument 'pdf' is invalid\. Allowed choices are text, json, markdown, html\. \(run linkmedic report --help for usage\)\n$/ },
  ])('$name', async ({ args, message }) => {
    const { code, stdout, stderr } = await runCli(['report', ...(await args())], { now });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(message);
  });

  it('adds the stack trace with --debug', async () => {
    const { code, stderr } = await runCli(['--debug', 'report', '--db', path.join(scratch, 'missing.db')], { now });
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(/^linkmedic: no history database/);
    expect(stderr).toMatch(/\n\s+at .*report-command\.ts/);
  });
});

describe('linkmedic report: formats, from history alone', () => {
  it('reads the catalog checked last by default, as text, and names it when there was a choice', async () => {
    const { code, stdout, stderr } = await runCli(['report', '--db', await historyDb()], { now });
    expect([code, stderr]).toEqual([0, 'linkmedic: reporting on bundled:awesome-medical-healthcare-dataset-for-llm.md (the database also holds: github:org/other; pick with --catalog KEY)\n']);
    expect(stdout).toMatch(/^linkmedic report: bundled:awesome-medical-healthcare-dataset-for-llm\.md\n4 runs since 2025-02-03; latest 2025-03-04 03:00 UTC, 3 links\.\n/);
    expect(stdout).toContain('Newly dead (1):\n  2025-03-04  a.example  https://a.example/  (http_404, confirmed after 2 failing runs)');
    expect(stdout).toContain('    dead (http_404, confirmed dead, failing 2 runs since 2025-03-03)  ✓✓✗✗');
    expect(stdout).toMatch(/Org\/Repo|github\.com {2}\s*103 stars/);
  });

  it('says nothing on stderr when the database holds one catalog', async () => {
    const { code, stdout, stderr } = await runCli(['report', '--db', await oneCatalogDb()], { now });
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^linkmedic report: github:org\/other\n/);
  });

  it.each([
    { since: '30d', runs: 4 },
    { since: '48h', runs: 2 },
    { since: '2025-03-03', runs: 2 },
    { since: '2w', runs: 4 },
  ])('--since $since keeps $runs runs', async ({ since, runs }) => {
    const { code, stdout } = await runCli(['report', '--db', await historyDb(), '--since', since, '--json'], { now });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as HistoryReport;
    expect([report.schemaVersion, report.runCount, report.availability.length]).toEqual([1, runs, runs]);
  });

  it('picks another recorded catalog with --catalog, and writes markdown to --output', async () => {
    const output = path.join(scratch, 'out', 'other.md');
    const { code, stdout, stderr } = await runCli(['report', '--db', await historyDb(), '--catalog', 'github:org/other', '--format', 'markdown', '--output', output], { now });
    expect([code, stdout]).toEqual([0, '']);
    expect(stderr).toBe(`linkmedic: wrote ${output} (${(readFileSync(output).length / 1024).toFixed(1)} KB)\n`);
    expect(readFileSync(output, 'utf8')).toMatch(/^## Link health: `github:org\/other`\n\n1 run since 2025-02-03; latest 2025-03-02 09:00 UTC: 1 link, 100\.0% answer/);
  });

  it.each([
    { name: 'a terminal gets colours', tty: true, env: {}, coloured: true },
    { name: 'NO_COLOR turns them off', tty: true, env: { NO_COLOR: '1' }, coloured: false },
    { name: 'a pipe gets none', tty: false, env: {}, coloured: false },
    { name: 'FORCE_COLOR forces them', tty: false, env: { FORCE_COLOR: '1' }, coloured: true },
  ])('$name', async ({ tty, env, coloured }) => {
    const { stdout } = await runCli(['report', '--db', await historyDb()], { now, env, tty: { stdout: tty } });
    expect(stdout.includes('\u001b[')).toBe(coloured);
  });
});
