import { createHash } from 'node:crypto';

export interface GitIdentity {
  name: string;
  email: string;
  /** ISO-8601, seconds precision, `Z`. */
  date: string;
}

export interface TreeEntry {
  name: string;
  mode: '100644' | '100755' | '040000' | '120000';
  type: 'blob' | 'tree';
  sha: string;
}

export type GitObject =
  | { type: 'blob'; content: Buffer }
  | { type: 'tree'; entries: TreeEntry[] }
  | {
      type: 'commit';
      tree: string;
      parents: string[];
      author: GitIdentity;
      committer: GitIdentity;
      message: string;
    };

/** A flattened tree: path → blob sha and mode. */
export type FileMap = Map<string, { sha: string; mode: TreeEntry['mode'] }>;

/**
 * Content-addressed object store hashed exactly like git, so shas a client computes
 * locally (e.g. a blob sha to skip unchanged files) agree with the fake's.
 */
export class GitStore {
  readonly #objects = new Map<string, GitObject>();

  has(sha: string): boolean {
    return this.#objects.has(sha);
  }

  get(sha: string): GitObject | undefined {
    return this.#objects.get(sha);
  }

  putBlob(content: Buffer | string): string {
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    return this.#put({ type: 'blob', content: buf }, buf);
  }

  putTree(entries: TreeEntry[]): string {
    // git orders tree entries by name, comparing directories as if they ended in '/'.
    const sorted = [...entries].sort((a, b) => {
      const ka = a.type === 'tree' ? `${a.name}/` : a.name;
      const kb = b.type === 'tree' ? `${b.name}/` : b.name;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    const body = Buffer.concat(
      sorted.map((e) =>
        Buffer.concat([
          Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`),
          Buffer.from(e.sha, 'hex'),
        ]),
      ),
    );
    return this.#put({ type: 'tree', entries: sorted }, body);
  }

  putCommit(commit: Omit<Extract<GitObject, { type: 'commit' }>, 'type'>): string {
    const stamp = (who: GitIdentity) =>
      `${who.name} <${who.email}> ${Math.floor(Date.parse(who.date) / 1000)} +0000`;
    const lines = [
      `tree ${commit.tree}`,
      ...commit.parents.map((p) => `parent ${p}`),
      `author ${stamp(commit.author)}`,
      `committer ${stamp(commit.committer)}`,
      '',
      commit.message,
    ];
    return this.#put({ type: 'commit', ...commit }, Buffer.from(lines.join('\n')));
  }

  blob(sha: string): Buffer | undefined {
    const o = this.#objects.get(sha);
    return o?.type === 'blob' ? o.content : undefined;
  }

  tree(sha: string): TreeEntry[] | undefined {
    const o = this.#objects.get(sha);
    return o?.type === 'tree' ? o.entries : undefined;
  }

  commit(sha: string): Extract<GitObject, { type: 'commit' }> | undefined {
    const o = this.#objects.get(sha);
    return o?.type === 'commit' ? o : undefined;
  }

  /** Every file under a tree, with its full path. */
  files(treeSha: string, prefix = ''): FileMap {
    const out: FileMap = new Map();
    for (const e of this.tree(treeSha) ?? []) {
      const path = prefix + e.name;
      if (e.type === 'tree') for (const [p, v] of this.files(e.sha, `${path}/`)) out.set(p, v);
      else out.set(path, { sha: e.sha, mode: e.mode });
    }
    return out;
  }

  /** Builds (and stores) the nested trees for a flat file map; returns the root tree sha. */
  treeFromFiles(files: FileMap): string {
    const here: TreeEntry[] = [];
    const dirs = new Map<string, FileMap>();
    for (const [path, v] of files) {
      const slash = path.indexOf('/');
      if (slash < 0) {
        here.push({ name: path, mode: v.mode, type: 'blob', sha: v.sha });
        continue;
      }
      const dir = path.slice(0, slash);
      const sub = dirs.get(dir) ?? new Map();
      sub.set(path.slice(slash + 1), v);
      dirs.set(dir, sub);
    }
    for (const [name, sub] of dirs) {
      here.push({ name, mode: '040000', type: 'tree', sha: this.treeFromFiles(sub) });
    }
    return this.putTree(here);
  }

  /** The object at `path` inside a tree, or undefined. The empty path is the tree itself. */
  lookup(treeSha: string, path: string): { type: 'blob' | 'tree'; sha: string; mode: string } | undefined {
    let current: { type: 'blob' | 'tree'; sha: string; mode: string } = {
      type: 'tree',
      sha: treeSha,
      mode: '040000',
    };
    for (const part of path.split('/').filter(Boolean)) {
      if (current.type !== 'tree') return undefined;
      const entry = this.tree(current.sha)?.find((e) => e.name === part);
      if (!entry) return undefined;
      current = entry;
    }
    return current;
  }

  /** All commits reachable from `sha` (inclusive), newest first by walk order. */
  ancestors(sha: string): string[] {
    const seen = new Set<string>();
    const order: string[] = [];
    const stack = [sha];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      order.push(s);
      const c = this.commit(s);
      if (c) stack.push(...[...c.parents].reverse());
    }
    return order;
  }

  isAncestor(ancestor: string, of: string): boolean {
    return this.ancestors(of).includes(ancestor);
  }

  mergeBase(a: string, b: string): string | undefined {
    const fromA = new Set(this.ancestors(a));
    return this.ancestors(b).find((s) => fromA.has(s));
  }

  /** Commits reachable from `head` but not from `base`, oldest first (as compare lists them). */
  commitsBetween(base: string, head: string): string[] {
    const exclude = new Set(this.ancestors(base));
    return this.ancestors(head)
      .filter((s) => !exclude.has(s))
      .reverse();
  }

  #put(object: GitObject, body: Buffer): string {
    const header = Buffer.from(`${object.type} ${body.length}\0`);
    const sha = createHash('sha1').update(Buffer.concat([header, body])).digest('hex');
    if (!this.#objects.has(sha)) this.#objects.set(sha, object);
    return sha;
  }
}
