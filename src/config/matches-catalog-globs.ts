import picomatch from 'picomatch';

/**
 * A predicate for the repository's `files` globs (relative to its root, as `.github/linkmedic.yml`
 * documents them): matched by at least one plain glob and by no `!` glob. Wildcards skip dot
 * folders, as shells and most glob tools do; a glob that names one (`.github/x.md`) still matches.
 */
export function matchesCatalogGlobs(globs: readonly string[]): (path: string) => boolean {
  const include = globs.filter((glob) => !glob.startsWith('!'));
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  const included = include.length > 0 ? picomatch(include) : () => false;
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  return (path) => included(path) && !excluded(path);
}
