import picomatch from 'picomatch';

/**
 * The paths `globs` select: matched by at least one plain glob and by no `!` glob, in tree order.
 * Globs are relative to the repository root, as in `.github/linkmedic.yml`.
 */
export function selectCatalogPaths(paths: readonly string[], globs: readonly string[]): string[] {
  const include = globs.filter((glob) => !glob.startsWith('!'));
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  const included = include.length > 0 ? picomatch(include) : () => false;
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  return paths.filter((path) => included(path) && !excluded(path));
}
