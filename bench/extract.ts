/**
 * `npm run bench:extract`: how fast link extraction is, beside peers on the same input.
 * Prints milliseconds, MB/s and how many links each found (exactness differs, so counts differ),
 * then whole processes as a user starts them: `linkmedic extract` on a 200 KB catalog (built dist/)
 * beside `cmark-gfm` on the same file, with the module-loading floor and the cold extraction alone.
 * Targets (issue 10, 2 cores): `linkmedic extract` on a 200 KB list <= 0.4 s; >= 3 MB/s on 10 MB.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractMarkdownIncrementally } from '../src/catalog/extract-markdown-incrementally.js';
import { extractMarkdown } from '../src/catalog/extract-markdown.js';
import { BUNDLED_CATALOG } from '../src/catalog/read-markdown-files.js';
import { cmarkGfmAvailable } from '../tests/support/cmark-oracle.js';

const require = createRequire(import.meta.url);
const markdownLinkExtractor = require('markdown-link-extractor') as (markdown: string) => string[];
const root = path.resolve(import.meta.dirname, '..');

interface Extractor {
  name: string;
  run(text: string, file: string): number;
}

/** Occurrences found before the first batch is handed over, and when. */
function firstBatch(text: string, file: string): { ms: number; links: number } {
  const start = performance.now();
  const steps = extractMarkdownIncrementally(text, file);
  const first = steps.next();
  const ms = performance.now() - start;
  for (let step = first; !step.done; step = steps.next()) {
    // Drain, so the generator's work is not left half done in the measurement of the next row.
  }
  return { ms, links: first.done ? 0 : first.value.length };
}

const CMARK_ARGS = ['-e', 'autolink', '-e', 'table', '-e', 'strikethrough', '-e', 'tagfilter', '--unsafe'];

const extractors: Extractor[] = [
  { name: 'linkmedic (micromark, exact)', run: (text, file) => extractMarkdown(text, file).occurrences.length },
  { name: 'markdown-link-check (marked)', run: (text) => markdownLinkExtractor(text).length },
];

if (cmarkGfmAvailable()) {
  extractors.push({
    name: 'cmark-gfm binary (C, render only)',
    run: (_text, file) => (execFileSync('cmark-gfm', [...CMARK_ARGS, file], { encoding: 'utf8', maxBuffer: 1 << 30 }).match(/ (?:href|src)="/g) ?? []).length,
  });
}

/** A catalog-shaped document: sections of tables and lists, every URL distinct. */
function generateCatalog(targetBytes: number): string {
  const parts: string[] = ['# Generated catalog\n'];
  let size = 0;
  for (let section = 0; size < targetBytes; section++) {
    const lines = [`\n## Section ${section}\n`, '| Name | Description | Link | Size |', '|---|---|---|---|'];
    for (let row = 0; row < 40; row++) {
      const id = `${section}-${row}`;
      lines.push(`| Dataset ${id} | 医学对话数据 with *notes* about ${id} | [下载链接](https://huggingface.co/datasets/org${section}/set_${row}) | ${row} GB |`);
    }
    lines.push('');
    for (let item = 0; item < 40; item++) {
      const id = `${section}-${item}`;
      lines.push(`- Paper ${id}: a study of things [[Paper]](https://arxiv.org/abs/${section}.${item}) [[Code]](https://github.com/org${section}/repo-${item}) https://example.org/${id}`);
    }
    const chunk = `${lines.join('\n')}\n`;
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return parts.join('');
}

function time(run: () => number): { ms: number; links: number } {
  const start = performance.now();
  const links = run();
  return { ms: performance.now() - start, links };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

/** Wall time of a whole process, spawn to exit, output discarded; median of `runs`. */
function processMs(command: string, args: string[], runs = 5): number {
  return median(
    Array.from({ length: runs }, () => {
      const start = performance.now();
      const { status } = spawnSync(command, args, { cwd: root, stdio: 'ignore' });
      if (status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${status}`);
      return performance.now() - start;
    }),
  );
}

// dist/ must be current: the whole processes run the bundle (dist/bundle/) and the compiled module (dist/catalog/).
execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const directory = mkdtempSync(path.join(tmpdir(), 'linkmedic-bench-'));
const catalogText = readFileSync(BUNDLED_CATALOG, 'utf8');
const bigFile = path.join(directory, 'large.md');
writeFileSync(bigFile, generateCatalog(10 * 1024 * 1024));
const bigText = readFileSync(bigFile, 'utf8');
const megabytes = Buffer.byteLength(bigText) / 1024 / 1024;

const rows: string[][] = [];
for (const extractor of extractors) {
  for (let warmup = 0; warmup < 5; warmup++) extractor.run(catalogText, BUNDLED_CATALOG);
  const runs = Array.from({ length: 15 }, () => time(() => extractor.run(catalogText, BUNDLED_CATALOG)));
  const big = time(() => extractor.run(bigText, bigFile));
  rows.push([
    extractor.name,
    median(runs.map((run) => run.ms)).toFixed(1),
    String(runs[0]!.links),
    (big.ms / 1000).toFixed(2),
    (megabytes / (big.ms / 1000)).toFixed(2),
    String(big.links),
  ]);
}
const first = firstBatch(bigText, bigFile);
rows.push(['linkmedic, incremental: first batch', '-', '-', (first.ms / 1000).toFixed(3), '-', `${first.links} (first batch)`]);
// One 10,000-row table (no blank line to cut it at), as bench:check's big catalog: read a piece at a time.
const tableText = ['| Name | Link |', '| --- | --- |', ...Array.from({ length: 10_000 }, (_, row) => `| dataset ${row} | [data](https://host${row % 50}.example/datasets/${row}) |`)].join('\n');
const tableFirst = firstBatch(tableText, 'table.md');
const tableAll = time(() => extractMarkdown(tableText, 'table.md').occurrences.length);
rows.push(['linkmedic, one 10,000-row table: first batch / all', '-', '-', `${(tableFirst.ms / 1000).toFixed(3)} / ${(tableAll.ms / 1000).toFixed(2)}`, '-', `${tableFirst.links} / ${tableAll.links}`]);

printTable(['extractor', 'catalog ms (median, warm)', 'catalog links', '10 MB s', '10 MB MB/s', '10 MB links'], rows);
console.log(`\nlarge file: ${megabytes.toFixed(1)} MB; target: >= 3 MB/s (issue 10)`);

// Whole processes, as a user runs them.
const smallFile = path.join(directory, 'list-200k.md');
writeFileSync(smallFile, generateCatalog(200 * 1024));
const kilobytes = Math.round(Buffer.byteLength(readFileSync(smallFile)) / 1024);
const coldScript = [
  `const { extractMarkdown } = await import(${JSON.stringify(path.join(root, 'dist/catalog/extract-markdown.js'))});`,
  `const text = (await import('node:fs')).readFileSync(${JSON.stringify(smallFile)}, 'utf8');`,
  'const start = performance.now(); extractMarkdown(text, "list.md"); console.log(performance.now() - start);',
].join('\n');
const cold = median(
  Array.from({ length: 5 }, () => Number(execFileSync('node', ['--input-type=module', '-e', coldScript], { encoding: 'utf8' }).trim())),
);
const processRows = [
  ['node bin/linkmedic.js extract <file> --json > /dev/null', processMs('node', ['bin/linkmedic.js', 'extract', smallFile, '--json']).toFixed(0)],
  ['node bin/linkmedic.js --version (module loading floor)', processMs('node', ['bin/linkmedic.js', '--version']).toFixed(0)],
  ['extractMarkdown alone, first call in a fresh process (cold)', cold.toFixed(0)],
];
if (cmarkGfmAvailable()) processRows.push(['cmark-gfm <file> > /dev/null', processMs('cmark-gfm', [...CMARK_ARGS, smallFile]).toFixed(0)]);
console.log('');
printTable([`whole process on a ${kilobytes} KB catalog (median of 5)`, 'ms'], processRows);
console.log('\ntarget: linkmedic extract on a 200 KB list <= 400 ms, whole process (issue 10)');
