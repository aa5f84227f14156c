import { ApiError } from '../http/api-error.js';
import { paginate } from '../http/paginate.js';
import { json } from '../http/reply.js';
import type { Route, RouteContext } from '../http/route.js';
import { diffFiles } from '../state/diff-files.js';
import { resolveRef } from '../state/resolve-ref.js';
import { toCommit } from '../serialize/to-commit.js';

const READ: Route['permission'] = ['contents', 'read'];

function touches(ctx: RouteContext, sha: string, path: string): boolean {
  const git = ctx.repo.git;
  const c = git.commit(sha)!;
  const here = git.lookup(c.tree, path)?.sha;
  const parent = c.parents[0] ? git.lookup(git.commit(c.parents[0])!.tree, path)?.sha : undefined;
  return here !== parent;
}

function listCommits(ctx: RouteContext) {
  const start = resolveRef(ctx.repo, ctx.query.get('sha'));
  if (!start) throw new ApiError(404, `No commit found for SHA: ${ctx.query.get('sha')}`);
  const path = ctx.query.get('path');
  const author = ctx.query.get('author')?.toLowerCase();
  const since = ctx.query.get('since');
  const until = ctx.query.get('until');
  const shas = ctx.repo.git.ancestors(start).filter((sha) => {
    const c = ctx.repo.git.commit(sha)!;
    if (path && !touches(ctx, sha, path)) return false;
    if (since && Date.parse(c.committer.date) < Date.parse(since)) return false;
    if (until && Date.parse(c.committer.date) > Date.parse(until)) return false;
    if (author) {
      const login = [...ctx.state.users.values()].find((u) => u.email === c.author.email)?.login.toLowerCase();
      if (c.author.email.toLowerCase() !== author && login !== author) return false;
    }
    return true;
  });
  const page = paginate(ctx, shas);
  return json(200, page.items.map((sha) => toCommit(ctx.state, ctx.repo, sha, ctx.urls)), page.headers);
}

function compare(ctx: RouteContext) {
  const m = /^(.+?)\.\.\.(.+)$/.exec(ctx.params.basehead ?? '');
  if (!m) throw ApiError.notFound();
  const base = resolveRef(ctx.repo, m[1]);
  const head = resolveRef(ctx.repo, m[2]);
  if (!base || !head) throw ApiError.notFound();
  const git = ctx.repo.git;
  const mergeBase = git.mergeBase(base, head);
  const ahead = git.commitsBetween(base, head);
  const behind = git.commitsBetween(head, base);
  const status = ahead.length === 0 && behind.length === 0 ? 'identical' : behind.length === 0 ? 'ahead' : ahead.length === 0 ? 'behind' : 'diverged';
  const full = `${ctx.repo.owner.login}/${ctx.repo.name}`;
  const web = `${ctx.urls.web}/${full}/compare/${ctx.params.basehead}`;
  const api = `${ctx.urls.api}/repos/${full}`;
  const files = diffFiles(git, mergeBase ?? null, head).map((f) => ({
    ...f,
    blob_url: `${ctx.urls.web}/${full}/blob/${head}/${f.filename}`,
    raw_url: `${ctx.urls.web}/${full}/raw/${head}/${f.filename}`,
    contents_url: `${api}/contents/${f.filename}?ref=${head}`,
  }));
  return json(200, {
    url: `${api}/compare/${ctx.params.basehead}`,
    html_url: web,
    permalink_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    base_commit: toCommit(ctx.state, ctx.repo, base, ctx.urls),
    merge_base_commit: toCommit(ctx.state, ctx.repo, mergeBase ?? base, ctx.urls),
    status,
    ahead_by: ahead.length,
    behind_by: behind.length,
    total_commits: ahead.length,
    commits: ahead.map((sha) => toCommit(ctx.state, ctx.repo, sha, ctx.urls)),
    files,
  });
}

export function commitRoutes(): Route[] {
  return [
    { method: 'GET', pattern: '/repos/{owner}/{repo}/commits', scope: 'repo', permission: READ, handler: listCommits },
    {
      method: 'GET',
      pattern: '/repos/{owner}/{repo}/commits/{ref+}',
      scope: 'repo',
      permission: READ,
      handler: (ctx) => {
        const sha = resolveRef(ctx.repo, ctx.params.ref);
        if (!sha) throw ApiError.unprocessable(`No commit found for SHA: ${ctx.params.ref}`);
        return json(200, toCommit(ctx.state, ctx.repo, sha, ctx.urls, true));
      },
    },
    { method: 'GET', pattern: '/repos/{owner}/{repo}/compare/{basehead+}', scope: 'repo', permission: READ, handler: compare },
  ];
}
