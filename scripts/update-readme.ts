// Rewrites the README's generated blocks from the code: `npm run docs`. With `--check` it only
// says whether the README is up to date (exit 1 when not), as the README test does.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { updatedReadme } from './docs/updated-readme.js';

const file = path.resolve(import.meta.dirname, '../README.md');
const current = readFileSync(file, 'utf8');
const next = await updatedReadme(current);
if (process.argv.includes('--check')) {
  console.log(next === current ? 'README.md is up to date' : 'README.md is out of date: run npm run docs');
  process.exitCode = next === current ? 0 : 1;
} else if (next !== current) {
  writeFileSync(file, next);
  console.log('README.md updated');
}
