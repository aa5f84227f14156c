import type { FakeRepo } from './types.js';

/**
 * The commit a `ref` parameter names: a branch, a tag, a full ref, or a commit sha (full or
 * abbreviated, at least 7 characters), as the contents and commits APIs accept them.
 */
export function resolveRef(repo: FakeRepo, ref: string | null | undefined): string | undefined {
  const name = ref ?? repo.defaultBranch;
  for (const candidate of [name, `refs/heads/${name}`, `refs/tags/${name}`, `refs/${name}`]) {
    const sha = repo.refs.get(candidate);
    if (sha) return sha;
  }
  if (/^[0-9a-f]{40}$/i.test(name)) return repo.git.commit(name.toLowerCase()) ? name.toLowerCase() : undefined;
  if (/^[0-9a-f]{7,39}$/i.test(name)) {
    const all = new Set([...repo.refs.values()].flatMap((s) => repo.git.ancestors(s)));
    return [...all].find((s) => s.startsWith(name.toLowerCase()));
  }
  return undefined;
}
