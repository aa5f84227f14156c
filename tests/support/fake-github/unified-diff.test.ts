import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './state/unified-diff.js';

/** What `git diff` prints for the same change, hunks only — the shape of GitHub's `patch`. */
function gitPatch(before: string, after: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-gh-diff-'));
  writeFileSync(join(dir, 'a'), before);
  writeFileSync(join(dir, 'b'), after);
  let out = '';
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', '-U3', 'a', 'b'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  return out.slice(out.indexOf('@@')).trimEnd();
}

const lines = (n: number, prefix = 'l') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}\n`).join('');

describe('unifiedDiff', () => {
  it.each([
    ['one line replaced', 'a\nb\nc\n', 'a\nB\nc\n'],
    ['insert at the top', lines(10), `new\n${lines(10)}`],
    ['append at the end', lines(10), `${lines(10)}new\n`],
    ['delete the first line', lines(10), lines(10).replace('l1\n', '')],
    ['two distant changes (two hunks)', lines(30), lines(30).replace('l3\n', 'x\n').replace('l25\n', 'y\n')],
    ['two near changes (one hunk)', lines(30), lines(30).replace('l3\n', 'x\n').replace('l8\n', 'y\n')],
    ['new file', '', 'a\nb\n'],
    ['emptied file', 'a\nb\n', ''],
  ])('matches git diff for %s', (_name, before, after) => {
    expect(unifiedDiff(before, after).patch).toBe(gitPatch(before, after));
  });

  it('counts additions and deletions', () => {
    expect(unifiedDiff('a\nb\nc\n', 'a\nB\nc\nd\n')).toMatchObject({ additions: 2, deletions: 1 });
  });
});
