import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { originUrl } from './origin-url.js';

// Read from the files git keeps rather than by spawning `git`: a few small reads cost well under a
// millisecond where a child process costs milliseconds, and the answer cannot change with what is
// installed or configured (no git on PATH, a repository owned by another user that git refuses as
// "dubious ownership", a hung credential helper).

/** The git work tree a folder is in. */
export interface GitWorkTree {
  /** The folder holding `.git` (a folder, or a file in a linked worktree or submodule). */
  top: string;
  /** `remote.origin.url` as configured, if any. */
  origin?: string;
}

const readText = (file: string): Promise<string | undefined> => readFile(file, 'utf8').catch(() => undefined);
const isFile = (file: string): Promise<boolean> => stat(file).then((info) => info.isFile(), () => false);

/** The git directory `.git` in `folder` stands for: itself, or where its `gitdir:` line points. */
async function gitDirAt(folder: string): Promise<string | undefined> {
  const dotGit = path.join(folder, '.git');
  const info = await stat(dotGit).catch(() => undefined);
  if (!info) return undefined;
  const gitDir = info.isDirectory() ? dotGit : /^gitdir:\s*(.+?)\s*$/m.exec((await readText(dotGit)) ?? '')?.[1];
  if (gitDir === undefined) return undefined;
  const resolved = path.resolve(folder, gitDir);
  // git itself passes over a `.git` without HEAD and keeps looking further up.
  return (await isFile(path.join(resolved, 'HEAD'))) ? resolved : undefined;
}

/** The repository's shared directory: a linked worktree's `commondir` names it; else the git directory itself. */
async function commonDirOf(gitDir: string): Promise<string> {
  const common = (await readText(path.join(gitDir, 'commondir')))?.trim();
  return common ? path.resolve(gitDir, common) : gitDir;
}

/**
 * The work tree holding `folder` (an absolute path, symlinks already resolved), found as git finds
 * it: the nearest folder upwards with a `.git`. Undefined outside any work tree.
 */
export async function gitWorkTree(folder: string): Promise<GitWorkTree | undefined> {
  for (let current = folder; ; current = path.dirname(current)) {
    const gitDir = await gitDirAt(current);
    if (gitDir) {
      const config = (await readText(path.join(await commonDirOf(gitDir), 'config'))) ?? '';
      const origin = originUrl(config)?.trim();
      return { top: current, ...(origin && { origin }) };
    }
    if (path.dirname(current) === current) return undefined;
  }
}
