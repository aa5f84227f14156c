import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '../catalog/read-markdown-files.js';
import { bundledCatalogKey, githubCatalogKey, localCatalogKey } from './catalog-key.js';
import { legacyCatalogKey, legacyKeyPaths } from './legacy-catalog-key.js';
import { githubRepoKey, huggingfaceRepoKey } from './repo-key.js';

const scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'linkmedic-keys-')));
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });

function repository(name: string, origin?: string): string {
  const top = path.join(scratch, name);
  mkdirSync(path.join(top, 'docs', 'deep'), { recursive: true });
  for (const file of ['README.md', 'docs/list.md', 'docs/deep/more.md']) writeFileSync(path.join(top, file), '# x\n');
  git(top, 'init', '-q');
  if (origin) git(top, 'remote', 'add', 'origin', origin);
  return top;
}

let repo: string;
let plain: string;
beforeAll(() => {
  repo = repository('catalog', 'git@github.com:Medical/Awesome-List.git');
  plain = repository('no-origin');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'catalog');
  // A linked worktree (`.git` is a file naming the real git directory) and a symlink to the repository.
  git(repo, 'worktree', 'add', '-q', path.join(scratch, 'linked'));
  symlinkSync(repo, path.join(scratch, 'alias'));
  symlinkSync(path.join(repo, 'docs'), path.join(scratch, 'docs-alias'));
  symlinkSync(path.join(repo, 'docs', 'list.md'), path.join(scratch, 'list-alias.md'));
  mkdirSync(path.join(scratch, 'outside'));
  writeFileSync(path.join(scratch, 'outside', 'list.md'), '# x\n');
  symlinkSync(path.join(scratch, 'outside'), path.join(scratch, 'outside-alias'));
});

const KEY = 'git:github.com/medical/awesome-list:docs/list.md';

describe('localCatalogKey: the same file has one key from anywhere', () => {
  it.each([
    { name: 'from the repository root', files: () => ['docs/list.md'], cwd: () => repo },
    { name: 'from a subfolder', files: () => ['list.md'], cwd: () => path.join(repo, 'docs') },
    { name: 'from a deeper subfolder', files: () => ['../list.md'], cwd: () => path.join(repo, 'docs', 'deep') },
    { name: 'from outside, by absolute path', files: () => [path.join(repo, 'docs', 'list.md')], cwd: () => scratch },
    { name: 'through a symlinked folder', files: () => ['alias/docs/list.md'], cwd: () => scratch },
    { name: 'from inside the symlinked folder', files: () => ['list.md'], cwd: () => path.join(scratch, 'alias', 'docs') },
    { name: 'through a symlink to a folder inside the repository', files: () => ['docs-alias/list.md'], cwd: () => scratch },
    { name: 'through a symlink to the file', files: () => ['list-alias.md'], cwd: () => scratch },
    { name: 'from a linked worktree of the same repository', files: () => ['docs/list.md'], cwd: () => path.join(scratch, 'linked') },
  ])('$name', async ({ files, cwd }) => {
    expect(await localCatalogKey(files(), { cwd: cwd() })).toBe(KEY);
  });
});

describe('localCatalogKey: what a key is made of', () => {
  it.each([
    { name: 'several files are sorted, repeats dropped', files: () => ['docs/list.md', 'README.md', './docs/list.md'], cwd: () => repo, key: 'git:github.com/medical/awesome-list:README.md,docs/list.md' },
    { name: 'no origin: the top folder\'s name', files: () => ['docs/list.md'], cwd: () => plain, key: 'git:no-origin:docs/list.md' },
    { name: 'outside a work tree: the absolute path', files: () => ['list.md'], cwd: () => path.join(scratch, 'outside'), key: () => `local:${scratch}/outside/list.md` },
    { name: 'outside a work tree, through a symlink: the real path', files: () => ['outside-alias/list.md'], cwd: () => scratch, key: () => `local:${scratch}/outside/list.md` },
    { name: 'files in two places: each place, joined', files: () => ['outside/list.md', 'catalog/README.md'], cwd: () => scratch, key: () => `git:github.com/medical/awesome-list:README.md + local:${scratch}/outside/list.md` },
    { name: 'the bundled catalog: its name', files: () => [BUNDLED_CATALOG], cwd: () => scratch, key: 'bundled:awesome-medical-healthcare-dataset-for-llm.md' },
    { name: 'the bundled catalog from its own folder', files: () => ['awesome-medical-healthcare-dataset-for-llm.md'], cwd: () => path.dirname(BUNDLED_CATALOG), key: 'bundled:awesome-medical-healthcare-dataset-for-llm.md' },
  ])('$name', async ({ files, cwd, key }) => {
    expect(await localCatalogKey(files(), { cwd: cwd() })).toBe(typeof key === 'function' ? key() : key);
  });

  it('follows the origin when it changes case or form', async () => {
    const top = repository('moved', 'https://GitHub.com/medical/awesome-list');
    expect(await localCatalogKey(['docs/list.md'], { cwd: top })).toBe(KEY);
  });

  it('names the bundled catalog it is told about', async () => {
    const bundled = path.join(scratch, 'outside', 'list.md');
    expect(await localCatalogKey(['list.md'], { cwd: path.join(scratch, 'outside'), bundledCatalog: bundled })).toBe('bundled:list.md');
    expect(bundledCatalogKey(bundled)).toBe('bundled:list.md');
  });
});

describe('history keys', () => {
  it.each([
    ['GitHub names are case-insensitive', githubCatalogKey('Medical/Awesome-List'), 'github:medical/awesome-list'],
    ['repository keys too', githubRepoKey('BAAI/bge-m3'), 'github:baai/bge-m3'],
    ['Hub keys carry the kind', huggingfaceRepoKey('dataset', 'BigBio/MedQA'), 'huggingface:dataset/bigbio/medqa'],
    ['the old form: relative to cwd', legacyCatalogKey(['catalog/list.md'], '/w'), 'local:catalog/list.md'],
    ['the old form: absolute paths made relative', legacyCatalogKey(['/w/README.md'], '/w'), 'local:README.md'],
    ['the old form: sorted, repeats dropped', legacyCatalogKey(['b.md', 'a.md', './b.md'], '/w'), 'local:a.md,b.md'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it.each([
    ['local:a.md,docs/b.md', ['a.md', 'docs/b.md']],
    ['local:../build/catalog/x.md', ['../build/catalog/x.md']],
    ['local:/home/me/list.md', undefined],
    ['local:C:/Users/me/list.md', undefined],
    ['git:github.com/o/r:README.md', undefined],
    ['github:o/r', undefined],
    ['bundled:x.md', undefined],
  ])('legacyKeyPaths(%s)', (key, paths) => {
    expect(legacyKeyPaths(key)).toEqual(paths);
  });
});
