import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLED_CATALOG } from '../catalog/read-markdown-files.js';
import { gitRemoteKey } from './git-remote-key.js';
import { gitWorkTree, type GitWorkTree } from './git-work-tree.js';

/** The catalog key of a repository the GitHub App watches; lower-cased because GitHub names are. */
export const githubCatalogKey = (fullName: string): string => `github:${fullName.toLowerCase()}`;

/** The bundled catalog's key: its name, wherever linkmedic is installed or run from. */
export const bundledCatalogKey = (bundled: string = BUNDLED_CATALOG): string => `bundled:${path.basename(bundled)}`;

export interface LocalKeyOptions {
  /** What relative file paths are relative to. */
  cwd?: string;
  /** The bundled catalog's path (tests may name another file). */
  bundledCatalog?: string;
}

/** Where one file is: the group its key shares with files in the same place, and its name within it. */
interface Place {
  group: string;
  name: string;
}

const posix = (file: string): string => file.split(path.sep).join('/');

async function placeOf(file: string, bundled: string | undefined, trees: Map<string, Promise<GitWorkTree | undefined>>): Promise<Place> {
  if (file === bundled) return { group: 'bundled:', name: path.basename(file) };
  const folder = path.dirname(file);
  if (!trees.has(folder)) trees.set(folder, gitWorkTree(folder));
  const tree = await trees.get(folder);
  if (!tree) return { group: 'local:', name: posix(file) };
  // Without an origin the repository is known by its folder's name, the best name it has.
  const repository = tree.origin ? gitRemoteKey(tree.origin, tree.top) : path.basename(tree.top);
  return { group: `git:${repository}:`, name: posix(path.relative(tree.top, file)) };
}

/**
 * The catalog key of a CLI run, the same whichever folder it runs from: inside a git work tree the
 * repository (its `origin`, normalised) and the path within it, `git:github.com/owner/repo:README.md`;
 * outside one the absolute path, `local:/home/me/list.md`; the bundled catalog by its name. Symlinks
 * are resolved first. Several files are sorted and joined by `,` within one place, places by ` + `.
 * Kept apart from the app's `github:owner/repo`, which covers the repository's configured files.
 */
export async function localCatalogKey(files: readonly string[], { cwd = process.cwd(), bundledCatalog = BUNDLED_CATALOG }: LocalKeyOptions = {}): Promise<string> {
  const real = (file: string): Promise<string> => realpath(file).catch(() => path.resolve(file));
  const bundled = await realpath(bundledCatalog).catch(() => undefined);
  const trees = new Map<string, Promise<GitWorkTree | undefined>>();
  const places = await Promise.all(files.map(async (file) => placeOf(await real(path.resolve(cwd, file)), bundled, trees)));
  const groups = new Map<string, Set<string>>();
  for (const { group, name } of places) groups.set(group, (groups.get(group) ?? new Set()).add(name));
  return [...groups].map(([group, names]) => `${group}${[...names].sort().join(',')}`).sort().join(' + ');
}
