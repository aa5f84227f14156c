import { relative, resolve, sep } from 'node:path';

/** The catalog key of a repository the GitHub App watches; lower-cased because GitHub names are. */
export const githubCatalogKey = (fullName: string): string => `github:${fullName.toLowerCase()}`;

/**
 * The catalog key of a CLI run: its markdown files relative to `cwd`, sorted, with `/` separators,
 * so the same files checked from the same place continue the same history.
 */
export function localCatalogKey(files: readonly string[], cwd: string = process.cwd()): string {
  const names = files.map((file) => relative(cwd, resolve(cwd, file)).split(sep).join('/'));
  return `local:${[...new Set(names)].sort().join(',')}`;
}
