import { isAbsolute, relative, resolve, sep } from 'node:path';

// linkmedic before schema version 4 keyed a CLI run by its files' paths relative to the folder it ran in:
// `local:catalog/list.md`. The folder is not recorded, so the same file checked from two folders
// split its history. These helpers recognise those keys, so history can be re-keyed to the form
// `localCatalogKey` makes now.

/** The key the old linkmedic gave `files` checked from `cwd` (what a run from there recorded under). */
export function legacyCatalogKey(files: readonly string[], cwd: string): string {
  const names = files.map((file) => relative(cwd, resolve(cwd, file)).split(sep).join('/'));
  return `local:${[...new Set(names)].sort().join(',')}`;
}

/** An absolute path as a key writes it: `/…` or, on Windows, `C:/…`. */
const ABSOLUTE = /^(\/|[A-Za-z]:\/)/;

/** The relative paths of an old-form `local:` key, or undefined for any other key (new `local:/abs` keys included). */
export function legacyKeyPaths(key: string): string[] | undefined {
  if (!key.startsWith('local:')) return undefined;
  const paths = key.slice('local:'.length).split(',');
  return paths.every((entry) => entry !== '' && !ABSOLUTE.test(entry) && !isAbsolute(entry)) ? paths : undefined;
}
