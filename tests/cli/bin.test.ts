// The `linkmedic` command as installed: bin/linkmedic.js and the esbuild bundle in dist/bundle/ that
// `npm ci` builds (the other CLI tests run src/ in-process). Checks that the bundle is current, then
// that it gives what the sources give.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { lookup } from 'node:dns';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staleBuild } from '../../bench/check-cli.js';
import { extractMarkdown } from '../../src/catalog/extract-markdown.js';
import { runCli } from '../support/cli-harness.js';
import { startFakeHub } from '../support/fake-hub/fake-hub.js';
import { startTestProxy } from '../support/simulated-web/start-test-proxy.js';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/linkmedic.js');

async function runBin(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH, NO_COLOR: '1', ...env }, maxBuffer: 1 << 28 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('bin/linkmedic.js (the built bundle)', () => {
  let server: http.Server;
  let dir: string;
  let catalog: string;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      response.writeHead(request.url?.startsWith('/gone') ? 404 : 200, { 'content-type': 'text/html' });
      response.end('<title>ok</title>');
    });
    // The CLI leaves idle keep-alive connections to the OS when it exits (CliIo.endsWithCommand):
    // were they to hold the process up, a check would wait out this timeout and fail the test.
    server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(path.join(tmpdir(), 'linkmedic-bin-'));
    catalog = path.join(dir, 'list.md');
    const rows = Array.from({ length: 300 }, (_, row) => `| d${row} | [data](${base}/d/${row}) |`);
    writeFileSync(catalog, `# List\n\n| Name | Link |\n|---|---|\n${rows.join('\n')}\n\n- [gone](${base}/gone) and <${base}/auto>\n`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is built from the current sources', () => {
    expect(staleBuild(root), 'run `npm run build`').toBeUndefined();
  });

  it('prints its version and help without loading a command', async () => {
    const version = await runBin(['--version'], dir);
    expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    const help = await runBin(['help', 'check'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--allow-private-networks');
  });

  it('extracts exactly what the sources extract', async () => {
    const built = await runBin(['extract', 'list.md', '--json'], dir);
    const source = await runCli(['extract', 'list.md', '--json'], { cwd: dir });
    expect(built.code).toBe(source.code);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(source.stdout));
    expect((JSON.parse(built.stdout) as { summary: { occurrences: number } }).summary.occurrences).toBe(302);
  });

  it('extracts a catalog over 1 MB exactly as the sources do', async () => {
    const sections = Array.from({ length: 800 }, (_, section) =>
      [`## S${section}`, '', '| Name | Link |', '|---|---|', ...Array.from({ length: 20 }, (_, row) => `| e${section}.${row} | [x](https://h.example/${section}/${row}) https://b.example/${section}/${row} |`), ''].join('\n'),
    );
    const text = sections.join('\n');
    expect(text.length).toBeGreaterThan(1024 * 1024);
    writeFileSync(path.join(dir, 'big.md'), text);
    const built = await runBin(['extract', 'big.md', '--json'], dir);
    expect(built.code).toBe(0);
    const [file] = (JSON.parse(built.stdout) as { files: Array<{ occurrences: unknown[] }> }).files;
    expect(file!.occurrences).toHaveLength(32_000);
    expect(file!.occurrences).toEqual(JSON.parse(JSON.stringify(extractMarkdown(text, 'big.md').occurrences)));
  }, 60_000);

  it('checks a catalog end to end and exits 1 for its dead link', async () => {
    const run = await runBin(['check', 'list.md', '--no-db', '--allow-private-networks', '--no-archive', '--format', 'json'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { links: Array<{ url: string; verdict: string }> };
    expect(report.links).toHaveLength(302);
    expect(report.links.filter((link) => link.verdict !== 'alive').map((link) => link.url)).toEqual([expect.stringMatching(/\/gone$/)]);
  });

  it('asks the Hugging Face API through the bundle’s fetch, which loads when first used', async () => {
    const hub = await startFakeHub({ repos: [{ kind: 'model', id: 'org/model', likes: 41 }] });
    try {
      writeFileSync(path.join(dir, 'hub.md'), '- [model](https://huggingface.co/org/model)\n');
      const run = await runBin(['check', 'hub.md', '--no-db', '--allow-private-networks', '--no-archive', '--format', 'json'], dir, { HF_ENDPOINT: hub.url });
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as { links: Array<{ url: string; verdict: string; huggingface?: { likes: number } }> };
      expect(report.links).toEqual([expect.objectContaining({ url: 'https://huggingface.co/org/model', verdict: 'alive', huggingface: expect.objectContaining({ likes: 41 }) })]);
    } finally {
      await hub.close();
    }
  });

  it('tunnels through an HTTP proxy with CONNECT (the bundle gives undici its connect() when first used)', async () => {
    const proxy = await startTestProxy(lookup);
    try {
      writeFileSync(path.join(dir, 'proxied.md'), `- [a](${base}/a)\n`);
      const run = await runBin(['check', 'proxied.md', '--no-db', '--allow-private-networks', '--no-archive', '--format', 'json'], dir, { HTTP_PROXY: proxy.url });
      expect(run.stderr).toBe('');
      expect((JSON.parse(run.stdout) as { links: Array<{ verdict: string }> }).links).toEqual([expect.objectContaining({ verdict: 'alive' })]);
      expect(proxy.connects).toEqual([new URL(base).host]);
    } finally {
      await proxy.close();
    }
  });

  it.each([
    [[], /^linkmedic: missing\.md: no such file or directory\n$/],
    // With --debug the stack names the sources' files and lines, not the bundle's.
    [['--debug'], /^linkmedic: missing\.md: no such file or directory\nLinkmedicError: [^\n]+\n\s+at readMarkdownFiles \([^)]*src\/catalog\/read-markdown-files\.ts:\d+:\d+\)/],
  ])('reports a bad input in one line, with a stack only under --debug (%j)', async (flags, stderr) => {
    const run = await runBin(['check', 'missing.md', '--no-db', ...flags], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(stderr);
    expect(run.stderr).not.toContain('dist/bundle');
  });
});
