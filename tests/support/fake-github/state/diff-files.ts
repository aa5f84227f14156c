import type { GitStore } from './git-store.js';
import { unifiedDiff } from './unified-diff.js';

export interface FileChange {
  filename: string;
  status: 'added' | 'removed' | 'modified';
  sha: string;
  additions: number;
  deletions: number;
  changes: number;
  patch: string;
}

/** Files that differ between two commits (either may be null for "empty"). */
export function diffFiles(git: GitStore, fromCommit: string | null, toCommit: string): FileChange[] {
  const from = fromCommit ? git.files(git.commit(fromCommit)!.tree) : new Map();
  const to = git.files(git.commit(toCommit)!.tree);
  const paths = [...new Set([...from.keys(), ...to.keys()])].sort();
  const out: FileChange[] = [];
  for (const filename of paths) {
    const a = from.get(filename);
    const b = to.get(filename);
    if (a?.sha === b?.sha) continue;
    const text = (sha: string | undefined) => (sha ? git.blob(sha)!.toString('utf8') : '');
    const { patch, additions, deletions } = unifiedDiff(text(a?.sha), text(b?.sha));
    out.push({
      filename,
      status: !a ? 'added' : !b ? 'removed' : 'modified',
      sha: (b ?? a)!.sha,
      additions,
      deletions,
      changes: additions + deletions,
      patch,
    });
  }
  return out;
}
