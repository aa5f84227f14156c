import type { Urls } from '../http/route.js';
import type { FakeRepo } from '../state/types.js';
import type { Schemas } from './schemas.js';

function repoApi(repo: FakeRepo, urls: Urls): string {
  return `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
}

export function toGitCommit(repo: FakeRepo, sha: string, urls: Urls): Schemas['git-commit'] {
  const c = repo.git.commit(sha)!;
  const api = repoApi(repo, urls);
  const web = `${urls.web}/${repo.owner.login}/${repo.name}`;
  return {
    sha,
    node_id: Buffer.from(`06:Commit${sha}`).toString('base64'),
    url: `${api}/git/commits/${sha}`,
    html_url: `${web}/commit/${sha}`,
    author: c.author,
    committer: c.committer,
    message: c.message,
    tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/git/commits/${p}`, html_url: `${web}/commit/${p}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

export function toGitRef(repo: FakeRepo, ref: string, sha: string, urls: Urls): Schemas['git-ref'] {
  return {
    ref,
    node_id: Buffer.from(`03:Ref${repo.id}:${ref}`).toString('base64'),
    url: `${repoApi(repo, urls)}/git/${ref}`,
    object: { type: 'commit', sha, url: `${repoApi(repo, urls)}/git/commits/${sha}` },
  };
}

export function toGitTree(repo: FakeRepo, sha: string, recursive: boolean, urls: Urls): Schemas['git-tree'] {
  const api = repoApi(repo, urls);
  const entries: Schemas['git-tree']['tree'] = [];
  const walk = (treeSha: string, prefix: string) => {
    for (const e of repo.git.tree(treeSha) ?? []) {
      const path = prefix + e.name;
      const size = e.type === 'blob' ? repo.git.blob(e.sha)!.length : undefined;
      entries.push({
        path,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        ...(size === undefined ? {} : { size }),
        url: `${api}/git/${e.type === 'blob' ? 'blobs' : 'trees'}/${e.sha}`,
      });
      if (recursive && e.type === 'tree') walk(e.sha, `${path}/`);
    }
  };
  walk(sha, '');
  return { sha, url: `${api}/git/trees/${sha}`, tree: entries, truncated: false };
}
