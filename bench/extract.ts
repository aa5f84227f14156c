/**
 * `npm run bench:extract`: how fast link extraction is, beside peers on the same input.
 * Prints milliseconds, MB/s and how many links each found (exactness differs, so counts differ).
 * Targets (issue 2): the bundled catalog under 50 ms warm; at least 20 MB/s on a 10 MB file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractMarkdown } from '../src/catalog/extract-markdown.js';
import { BUNDLED_CATALOG } from '../src/catalog/read-markdown-files.js';
import { cmarkGfmAvailable } from '../tests/support/cmark-oracle.js';

const require = createRequire(import.meta.url);
const markdownLinkExtractor = require('markdown-link-extractor') as (markdown: string) => string[];

interface Extractor {
  name: string;
  run(text: string, file: string): number;
}

const extractors: Extractor[] = [
  { name: 'linkmedic (micromark, exact)', run: (text, file) => extractMarkdown(text, file).occurrences.length },
  { name: 'markdown-link-check (marked)', run: (text) => markdownLinkExtractor(text).length },
];

if (cmarkGfmAvailable()) {
  extractors.push({
    name: 'cmark-gfm binary (C, render only)',
    run: (_text, file) =>
      (execFileSync('cmark-gfm', ['-e', 'autolink', '-e', 'table', '--unsafe', file], { encoding: 'utf8', maxBuffer: 1 << 30 }).match(/ (?:href|src)="/g) ?? []).length,
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

const catalogText = readFileSync(BUNDLED_CATALOG, 'utf8');
const bigFile = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-bench-')), 'large.md');
writeFileSync(bigFile, generateCatalog(10 * 1024 * 1024));
const bigText = readFileSync(bigFile, 'utf8');

const rows: string[][] = [];
for (const extractor of extractors) {
  for (let warmup = 0; warmup < 5; warmup++) extractor.run(catalogText, BUNDLED_CATALOG);
  const runs = Array.from({ length: 15 }, () => time(() => extractor.run(catalogText, BUNDLED_CATALOG)));
  const big = time(() => extractor.run(bigText, bigFile));
  const megabytes = Buffer.byteLength(bigText) / 1024 / 1024;
  rows.push([
    extractor.name,
    median(runs.map((run) => run.ms)).toFixed(1),
    String(runs[0]!.links),
    (big.ms / 1000).toFixed(2),
    (megabytes / (big.ms / 1000)).toFixed(2),
    String(big.links),
  ]);
}

const header = ['extractor', 'catalog ms (median, warm)', 'catalog links', '10 MB s', '10 MB MB/s', '10 MB links'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(`\nlarge file: ${(Buffer.byteLength(bigText) / 1024 / 1024).toFixed(1)} MB; targets: catalog < 50 ms warm, >= 20 MB/s`);
