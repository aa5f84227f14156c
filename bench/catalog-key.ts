/**
 * `npm run bench:keys`: what a catalog's history key costs `check` and `report` at start-up.
 * linkmedic reads the few files git keeps (`.git`, its `commondir`, `config`); the peer row is what
 * spawning git for the same two facts (work tree top, origin URL) costs, as a tool shelling out would.
 * Medians of many runs, cold (first in the process) and warm; numbers are milliseconds.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localCatalogKey } from '../src/store/catalog-key.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'linkmedic-bench-keys-'));
const top = path.join(scratch, 'catalog');
mkdirSync(path.join(top, 'docs', 'deep'), { recursive: true });
writeFileSync(path.join(top, 'docs', 'deep', 'list.md'), '# x\n');
execFileSync('git', ['init', '-q'], { cwd: top });
execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:Owner/Repo.git'], { cwd: top });
const file = path.join(top, 'docs', 'deep', 'list.md');

function gitSpawned(): string {
  const folder = path.dirname(file);
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: folder, encoding: 'utf8', timeout: 2_000 }).trim();
  const origin = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: folder, encoding: 'utf8', timeout: 2_000 }).trim();
  return `${origin}:${path.relative(root, file)}`;
}

async function measure(run: () => unknown, times: number): Promise<{ first: number; median: number }> {
  const samples: number[] = [];
  for (let index = 0; index < times; index++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  const first = samples[0]!;
  const sorted = samples.slice(1).sort((a, b) => a - b);
  return { first, median: sorted[Math.floor(sorted.length / 2)]! };
}

const rows = [
  { name: 'linkmedic (reads .git files)', ...(await measure(() => localCatalogKey([file]), 201)) },
  { name: 'spawn git rev-parse + git config', ...(await measure(gitSpawned, 51)) },
];
console.log('| key of one file in a git work tree | first call (ms) | median warm (ms) |\n|---|---:|---:|');
for (const row of rows) console.log(`| ${row.name} | ${row.first.toFixed(2)} | ${row.median.toFixed(3)} |`);
