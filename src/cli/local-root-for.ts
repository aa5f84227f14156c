import path from 'node:path';

/**
 * Where a leading `/` in a relative link points, and the boundary no link may leave: the working
 * directory when every file is inside it (the usual `linkmedic check` from a repository's root),
 * else the deepest folder that holds all the files.
 */
export function localRootFor(files: readonly string[], cwd: string): string {
  const absolute = files.map((file) => path.resolve(cwd, file));
  if (absolute.every((file) => !path.relative(cwd, file).startsWith('..'))) return cwd;
  let root = path.dirname(absolute[0] ?? cwd);
  while (!absolute.every((file) => !path.relative(root, file).startsWith('..'))) root = path.dirname(root);
  return root;
}
