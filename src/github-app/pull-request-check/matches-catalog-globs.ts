import picomatch from 'picomatch';

/**
 * A predicate for the repository's `files` globs: matched by a plain glob and by no `!` glob,
 * as `.github/linkmedic.yml` documents them.
 */
export function matchesCatalogGlobs(globs: readonly string[]): (path: string) => boolean {
  const include = globs.filter((glob) => !glob.startsWith('!'));
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  const included = include.length > 0 ? picomatch(include, { dot: true }) : () => false;
  const excluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  return (path) => included(path) && !excluded(path);
}
