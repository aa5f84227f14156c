import type { GitStore } from './git-store.js';
import type { FakeUser } from './types.js';

export interface CommitFilesInput {
  /** Parent commit, or null for a root commit. */
  parent: string | null;
  /** Path → new text content, or null to delete the file. */
  files: Record<string, string | Buffer | null>;
  message: string;
  author: FakeUser;
  committer?: FakeUser;
  date: string;
}

/** Writes one commit on top of `parent` that changes exactly the given files. */
export function commitFiles(git: GitStore, input: CommitFilesInput): string {
  const parentCommit = input.parent ? git.commit(input.parent) : undefined;
  const files = parentCommit ? git.files(parentCommit.tree) : new Map();
  for (const [path, content] of Object.entries(input.files)) {
    const clean = path.replace(/^\/+/, '');
    if (content === null) files.delete(clean);
    else files.set(clean, { sha: git.putBlob(content), mode: '100644' });
  }
  const who = (u: FakeUser) => ({ name: u.name, email: u.email, date: input.date });
  return git.putCommit({
    tree: git.treeFromFiles(files),
    parents: input.parent ? [input.parent] : [],
    author: who(input.author),
    committer: who(input.committer ?? input.author),
    message: input.message,
  });
}
