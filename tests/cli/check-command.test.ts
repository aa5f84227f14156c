import { lookup } from 'node:dns/promises';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-code-for.js';
import type { RunReport } from '../../src/report/run-report.js';
import { runCli, spawnCli } from '../support/cli-harness.js';
import { respond, startSimulatedWeb, startTestProxy, type SimulatedWeb, type TestProxy } from '../support/simulated-web/index.js';

// Whether this machine has no internet (as here and in CI): then the real offline behaviour is tested.
const offline = await lookup('example.com').then(() => false, () => true);

let web: SimulatedWeb;
let proxy: TestProxy;
let file: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  web = await startSimulatedWeb();
  // The CLI reaches the simulated web the way users behind a corporate proxy reach the web.
  proxy = await startTestProxy(web.lookup);
  env = { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: web.caFile };
  web.route('docs.example.test', '/ok', respond.ok('<title>fine</title>'));
  web.route('docs.example.test', '/gone', respond.status(404));
  web.route('docs.example.test', '/old', respond.redirect(308, '/ok'));
  web.route('docs.example.test', '/login', respond.status(401));
  file = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-check-')), 'README.md');
  writeFileSync(
    file,
    [
      '# Datasets',
      '',
      '| Name | Link |',
      '|---|---|',
      `| Alive | ${web.url('docs.example.test', '/ok', 'https')} |`,
      `| Gone | [get it](${web.url('docs.example.test', '/gone')}) |`,
      `| Moved | ${web.url('docs.example.test', '/old')} |`,
      `| Private | ${web.url('docs.example.test', '/login')} |`,
      '- Contact <mailto:team@example.test>',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await proxy.close();
  await web.close();
});

describe('linkmedic check', () => {
  it('prints the JSON report and exits 1 when a link is dead', async () => {
    const { code, stdout, stderr } = await spawnCli(['check', file, '--json', '--no-db', '--no-archive'], { env });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as RunReport;
    expect(report).toMatchObject({
      schemaVersion: 1,
      conclusive: true,
      summary: { total: 5, alive: 1, dead: 1, redirected: 1, restricted: 1, skipped: 1 },
    });
    expect(Date.parse(report.startedAt)).toBeLessThanOrEqual(Date.parse(report.finishedAt));
    const gone = report.links.find((link) => link.url.endsWith('/gone'))!;
    expect(gone).toMatchObject({
      verdict: 'dead',
      reason: 'http_404',
      httpStatus: 404,
      redirects: [],
      occurrences: [{ file, line: 6, column: 19, entry: 'Gone', section: 'Datasets', kind: 'inline' }],
    });
    expect(gone.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(report.links.find((link) => link.url.endsWith('/old'))).toMatchObject({
      verdict: 'redirected',
      finalUrl: web.url('docs.example.test', '/ok'),
      redirects: [{ status: 308, location: web.url('docs.example.test', '/ok') }],
      suggestion: { url: web.url('docs.example.test', '/ok'), kind: 'permanent_redirect' },
    });
    expect(report.links.find((link) => link.url.startsWith('mailto:'))).toMatchObject({ verdict: 'skipped' });
    expect(proxy.connects.length + web.requests.length).toBeGreaterThan(0);
  });

  it('prints each problem with its place, entry, verdict, reason and suggestion', async () => {
    const { code, stdout } = await spawnCli(['check', file, '--no-db', '--no-archive'], { env });
    expect(code).toBe(1);
    expect(stdout).toContain(`Dead (1):\n  ${file}:6  Gone\n    ${web.url('docs.example.test', '/gone')}\n    dead (http_404`);
    expect(stdout).toContain(`suggestion (permanent_redirect): ${web.url('docs.example.test', '/ok')}`);
    expect(stdout).toMatch(/Needs a human[^\n]*\(1\):\n[^\n]*Private/);
    expect(stdout).toMatch(/5 links checked in [\d.]+ s: 1 alive, 1 redirected, 1 dead, 1 restricted, 1 skipped\./);
  });

  it.each<{ report: Pick<RunReport, 'conclusive' | 'summary'>; code: number }>([
    { report: { conclusive: true, summary: { dead: 0 } as RunReport['summary'] }, code: 0 },
    { report: { conclusive: true, summary: { dead: 2 } as RunReport['summary'] }, code: 1 },
    { report: { conclusive: false, summary: { dead: 0 } as RunReport['summary'] }, code: 3 },
  ])('exit code $code', ({ report, code }) => {
    expect(exitCodeFor(report)).toBe(code);
  });

  it.runIf(offline)('says it is offline, instead of listing dead links, when there is no network (exit 3)', async () => {
    const { code, stdout } = await spawnCli(['check', '--no-db', '--no-archive']);
    expect(code).toBe(3);
    expect(stdout).toMatch(/^Inconclusive: linkmedic seems to be offline/);
    expect(stdout).not.toContain('Dead (');
    expect(stdout).toMatch(/212 links checked in [\d.]+ s: 212 skipped\./);
  }, 120_000);
});

describe('linkmedic check: formats, output file, progress and colours', () => {
  const check = (args: string[], options: Parameters<typeof runCli>[1] = {}) =>
    runCli(['check', file, '--no-db', '--no-archive', ...args], { ...options, env: { ...env, ...options.env } });

  it('--format markdown: a summary and a table of the problems to paste into an issue', async () => {
    const { code, stdout } = await check(['--format', 'markdown']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^### linkmedic: 5 links, 1 dead\n/);
    expect(stdout).toContain('| Entry | Link | Verdict | Reason | Suggestion |');
    expect(stdout).toContain(`| Gone<br><sub>${file}:6 · Datasets</sub> | [docs.example.test:${web.httpPort}/gone](<${web.url('docs.example.test', '/gone')}>) | **dead** | \`http_404\``);
  });

  it('--format html --output FILE: the page is written, stdout stays empty', async () => {
    const output = path.join(path.dirname(file), 'report.html');
    const { code, stdout, stderr } = await check(['--format', 'html', '--output', output]);
    expect([code, stdout, stderr]).toEqual([1, '', expect.stringMatching(/^linkmedic: wrote \S+report\.html \([\d.]+ KB\)\n$/)]);
    const page = readFileSync(output, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page.match(/<g class="run"/g)).toHaveLength(1); // --no-db: history holds this run only
  });

  it('refuses --json with another --format (exit 2, one line)', async () => {
    const { code, stderr } = await check(['--json', '--format', 'text']);
    expect([code, stderr]).toEqual([2, 'linkmedic: --format: --json means --format json; pass only one of them (see linkmedic check --help)\n']);
  });

  it.each([
    { name: 'on a terminal', tty: true, env: {}, bar: true },
    { name: 'not in CI', tty: true, env: { CI: 'true' }, bar: false },
    { name: 'not when piped', tty: false, env: {}, bar: false },
  ])('draws a progress bar on stderr $name', async ({ tty, env: extra, bar }) => {
    const { code, stdout, stderr } = await check([], { env: extra, tty: { stderr: tty } });
    expect(code).toBe(1);
    expect(stdout).toContain('Dead (1):');
    if (bar) expect(stderr).toMatch(/checking .* 5\/5 links \| [\d.]+\/s/);
    else expect(stderr).toBe('');
  });

  it.each([
    { tty: true, env: {}, coloured: true },
    { tty: true, env: { NO_COLOR: '1' }, coloured: false },
    { tty: false, env: {}, coloured: false },
  ])('colours the text when stdout is a terminal ($tty) and NO_COLOR is not set ($env)', async ({ tty, env: extra, coloured }) => {
    const { stdout } = await check([], { env: extra, tty: { stdout: tty } });
    expect(stdout.includes('\u001b[31mdead\u001b[39m')).toBe(coloured);
  });
});

describe('linkmedic check: relative links', () => {
  it('looks relative links up as files next to the catalog, never outside the folder it runs in', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'linkmedic-relative-'));
    mkdirSync(path.join(folder, 'docs'));
    writeFileSync(path.join(folder, 'docs', 'guide.md'), '# guide');
    writeFileSync(
      path.join(folder, 'README.md'),
      '- [Guide](./docs/guide.md#install)\n- [Missing](docs/missing.md)\n- [Root](/docs/guide.md)\n- [Up](../../etc/hostname)\n- [Here](#top)\n',
    );
    const { code, stdout } = await runCli(['check', 'README.md', '--json', '--no-db', '--no-archive'], { cwd: folder });
    const verdicts = Object.fromEntries((JSON.parse(stdout) as RunReport).links.map((link) => [link.url, `${link.verdict} ${link.reason}`]));
    expect(verdicts).toEqual({
      './docs/guide.md#install': 'alive local_file',
      'docs/missing.md': 'dead local_file_missing',
      '/docs/guide.md': 'alive local_file',
      '../../etc/hostname': 'skipped outside_local_root',
      '#top': 'skipped relative_link',
    });
    expect(code).toBe(1);
  });
});

describe('linkmedic check: the history database', () => {
  it('refuses a file that is not its database with one line and exit code 4, leaving the file as it was', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'linkmedic-db-'));
    const notOurs = path.join(folder, 'notes.db');
    writeFileSync(notOurs, 'my notes, not a database\n');
    const { code, stdout, stderr } = await spawnCli(['check', '--db', notOurs, '--no-archive']);
    expect(code).toBe(4);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/is not a SQLite database/);
    expect(readFileSync(notOurs, 'utf8')).toBe('my notes, not a database\n');
  });
});
