import type { Urls } from '../http/route.js';
import type { FakeState } from '../state/fake-state.js';
import { diffFiles } from '../state/diff-files.js';
import type { FakeRepo } from '../state/types.js';
import type { Schemas } from './schemas.js';
import { toUser } from './to-user.js';

/**
 * A commit as `/commits` and `/compare` return it. `author`/`committer` are the GitHub
 * accounts matched by e-mail (null when the e-mail belongs to nobody), as on GitHub.
 */
export function toCommit(
  state: FakeState,
  repo: FakeRepo,
  sha: string,
  urls: Urls,
  withFiles = false,
): Schemas['commit'] {
  const c = repo.git.commit(sha)!;
  const api = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const web = `${urls.web}/${repo.owner.login}/${repo.name}`;
  const account = (email: string) => {
    const u = [...state.users.values()].find((x) => x.email.toLowerCase() === email.toLowerCase());
    return u ? toUser(u, urls) : null;
  };
  const commit: Schemas['commit'] = {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: Buffer.from(`06:Commit${sha}`).toString('base64'),
    html_url: `${web}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: c.author,
      committer: c.committer,
      message: c.message,
      comment_count: 0,
      tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: account(c.author.email),
    committer: account(c.committer.email),
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${web}/commit/${p}` })),
  };
  if (!withFiles) return commit;
  const files = diffFiles(repo.git, c.parents[0] ?? null, sha).map((f) => ({
    ...f,
    blob_url: `${web}/blob/${sha}/${f.filename}`,
    raw_url: `${web}/raw/${sha}/${f.filename}`,
    contents_url: `${api}/contents/${f.filename}?ref=${sha}`,
  }));
  const additions = files.reduce((n, f) => n + f.additions, 0);
  const deletions = files.reduce((n, f) => n + f.deletions, 0);
  return { ...commit, files, stats: { additions, deletions, total: additions + deletions } };
}
