// History keys that do not depend on where linkmedic runs (issue 11 §2), and the re-key of
// databases written with the old keys (paths relative to the working directory).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '../../src/catalog/read-markdown-files.js';
import type { HistoryReport } from '../../src/report/history-report.js';
import { legacyCatalogKey } from '../../src/store/legacy-catalog-key.js';
import { openStore } from '../../src/store/open-store.js';
import { makeRun } from '../../src/store/test-fixtures/make-run.js';
import { runCli } from '../support/cli-harness.js';

const scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'linkmedic-keys-cli-')));
const KEY = 'git:github.com/medical/awesome-list:docs/list.md';
const BUNDLED_KEY = 'bundled:awesome-medical-healthcare-dataset-for-llm.md';

let counter = 0;
/** A git repository with `origin` and a catalog whose only link needs no network (a mailto: link is skipped). */
function catalogRepository(): string {
  const top = path.join(scratch, `repo-${++counter}`);
  mkdirSync(path.join(top, 'docs'), { recursive: true });
  writeFileSync(path.join(top, 'docs', 'list.md'), '# Contacts\n\n- <mailto:team@example.test>\n');
  execFileSync('git', ['init', '-q'], { cwd: top });
  execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/Medical/Awesome-List.git'], { cwd: top });
  return top;
}

/** A database as linkmedic 0.1 left it: runs under the keys it made (`legacyCatalogKey`). */
async function oldDatabase(file: string, runs: { key: string; at: number }[]): Promise<string> {
  mkdirSync(path.dirname(file), { recursive: true });
  const store = await openStore({ path: file });
  for (const { key, at } of runs) await store.recordRun(makeRun({ at, catalog: key, results: [['https://a.example/', 'alive']] }));
  await store.close();
  return file;
}

const catalogs = async (db: string) => {
  const store = await openStore({ path: db });
  try {
    return (await store.recordedCatalogs()).map(({ catalog, runs }) => `${catalog} ${runs}`).sort();
  } finally {
    await store.close();
  }
};

const check = (args: string[], cwd: string) => runCli(['check', ...args, '--no-archive'], { cwd });

describe('one history per catalog, wherever linkmedic runs', () => {
  let repo: string;
  beforeAll(() => {
    repo = catalogRepository();
    symlinkSync(path.join(repo, 'docs'), path.join(scratch, 'docs-alias'));
  });

  it('checked from the repository root, a subfolder and through a symlink into it: one key, one history', async () => {
    const db = path.join(scratch, 'one-history.db');
    for (const [files, cwd] of [[['docs/list.md'], repo], [['list.md'], path.join(repo, 'docs')], [['docs-alias/list.md'], scratch], [[], path.join(repo, 'docs')]] as const) {
      const { code, stderr } = files.length > 0 ? await check([...files, '--db', db], cwd) : await runCli(['report', '--db', db], { cwd });
      expect([code, stderr]).toEqual([0, '']);
    }
    expect(await catalogs(db)).toEqual([`${KEY} 3`]);
    const { stdout } = await runCli(['report', 'list.md', '--db', db, '--json'], { cwd: path.join(repo, 'docs') });
    expect((JSON.parse(stdout) as HistoryReport).runCount).toBe(3);
  });

  it('keeps the bundled catalog under its name from any folder', async () => {
    const db = await oldDatabase(path.join(scratch, 'bundled.db'), [{ key: 'github:o/r', at: 0 }]);
    const store = await openStore({ path: db });
    await store.recordRun(makeRun({ at: 1, catalog: BUNDLED_KEY, results: [['https://a.example/', 'alive']] }));
    await store.close();
    for (const cwd of [scratch, repo, path.dirname(BUNDLED_CATALOG)]) {
      const { code, stdout } = await runCli(['report', path.relative(cwd, BUNDLED_CATALOG), '--db', db], { cwd });
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^linkmedic report: ${BUNDLED_KEY.replace(/\./g, '\\.')}\\n`));
    }
  });
});

describe('databases with the old keys are re-keyed once, on evidence', () => {
  it('an explicit --db: the files this command reads, from here, as the old key named them', async () => {
    const repo = catalogRepository();
    const db = await oldDatabase(path.join(scratch, 'explicit.db'), [
      { key: legacyCatalogKey(['docs/list.md'], repo), at: 0 },
      { key: legacyCatalogKey(['docs/list.md'], repo), at: 24 },
      { key: 'local:README.md', at: 30 },
      { key: 'github:medical/awesome-list', at: 40 },
    ]);

    const first = await runCli(['report', 'docs/list.md', '--db', db, '--json'], { cwd: repo });
    expect([first.code, first.stderr]).toEqual([0, `linkmedic: history of local:docs/list.md (2 runs) is now keyed ${KEY}, the same from any folder\n`]);
    expect((JSON.parse(first.stdout) as HistoryReport).catalog).toBe(KEY);

    // The next check, from another folder, continues the same history, and says nothing more.
    const next = await check(['list.md', '--db', db], path.join(repo, 'docs'));
    expect([next.code, next.stderr]).toEqual([0, '']);
    // Keys without evidence stay as they were; the app's are never touched.
    expect(await catalogs(db)).toEqual([`${KEY} 3`, 'github:medical/awesome-list 1', 'local:README.md 1']);
  });

  it('a shared database is not re-keyed from a folder that merely has files of the same names', async () => {
    const repo = catalogRepository();
    const db = await oldDatabase(path.join(scratch, 'shared.db'), [{ key: 'local:docs/list.md', at: 0 }]);
    const { code, stdout, stderr } = await runCli(['report', '--db', db], { cwd: repo });
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^linkmedic report: local:docs\/list\.md\n/);
    expect(await catalogs(db)).toEqual(['local:docs/list.md 1']);
  });

  it('the default .linkmedic/ database: its keys are looked up from the folder holding it', async () => {
    const repo = catalogRepository();
    const db = await oldDatabase(path.join(repo, '.linkmedic', 'linkmedic.db'), [
      { key: 'local:docs/list.md', at: 0 },
      { key: 'local:gone.md', at: 10 },
      { key: 'local:../linkmedic-build/catalog/awesome-medical-healthcare-dataset-for-llm.md', at: 20 },
    ]);

    const { code, stdout, stderr } = await runCli(['report'], { cwd: repo });

    expect(code).toBe(0);
    expect(stderr.split('\n')).toEqual([
      `linkmedic: history of local:docs/list.md (1 run) is now keyed ${KEY}, the same from any folder`,
      `linkmedic: history of local:../linkmedic-build/catalog/awesome-medical-healthcare-dataset-for-llm.md (1 run) is now keyed ${BUNDLED_KEY}, the same from any folder`,
      `linkmedic: reporting on ${BUNDLED_KEY} (the database also holds: local:gone.md, ${KEY}; pick with --catalog KEY)`,
      '',
    ]);
    expect(stdout).toMatch(new RegExp(`^linkmedic report: ${BUNDLED_KEY.replace(/\./g, '\\.')}\\n`));
    expect(await catalogs(db)).toEqual([`${BUNDLED_KEY} 1`, `${KEY} 1`, 'local:gone.md 1'].sort());
  });

  it('two histories over the same time are kept apart, and said so once', async () => {
    const repo = catalogRepository();
    const db = await oldDatabase(path.join(scratch, 'apart.db'), [
      { key: 'local:docs/list.md', at: 0 },
      { key: KEY, at: 10 },
      { key: 'local:docs/list.md', at: 20 },
    ]);
    const kept = `linkmedic: kept local:docs/list.md apart from ${KEY}: both have runs over the same time (read it with --catalog local:docs/list.md)\n`;
    const first = await runCli(['report', 'docs/list.md', '--db', db], { cwd: repo });
    expect([first.code, first.stderr]).toEqual([0, kept]);
    const again = await runCli(['report', 'docs/list.md', '--db', db], { cwd: repo });
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(await catalogs(db)).toEqual([`${KEY} 1`, 'local:docs/list.md 2']);
  });
});
