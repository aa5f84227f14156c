import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { parseBody } from '../http/parse-body.js';
import { json, noContent } from '../http/reply.js';
import type { Route, RouteContext } from '../http/route.js';
import { actor } from '../state/actor.js';
import { moveRef } from '../state/move-ref.js';
import type { FileMap, TreeEntry } from '../state/git-store.js';
import { toGitCommit, toGitRef, toGitTree } from '../serialize/to-git.js';

const READ: Route['permission'] = ['contents', 'read'];
const WRITE: Route['permission'] = ['contents', 'write'];
const IDENTITY = z.object({ name: z.string(), email: z.string(), date: z.string().optional() });

const CREATE_REF = z.object({ ref: z.string(), sha: z.string() });
const UPDATE_REF = z.object({ sha: z.string(), force: z.boolean().optional() });
const CREATE_BLOB = z.object({ content: z.string(), encoding: z.enum(['utf-8', 'base64']).optional() });
const CREATE_COMMIT = z.object({
  message: z.string(),
  tree: z.string(),
  parents: z.array(z.string()).optional(),
  author: IDENTITY.optional(),
  committer: IDENTITY.optional(),
});
const TREE_ENTRY = z.object({
  path: z.string(),
  mode: z.enum(['100644', '100755', '040000', '160000', '120000']),
  type: z.enum(['blob', 'tree', 'commit']),
  sha: z.string().nullable().optional(),
  content: z.string().optional(),
});
const CREATE_TREE = z.object({ tree: z.array(TREE_ENTRY), base_tree: z.string().optional() });

function refOf(ctx: RouteContext): string {
  return `refs/${ctx.params.ref}`;
}

function getRef(ctx: RouteContext) {
  const ref = refOf(ctx);
  const sha = ctx.repo.refs.get(ref);
  if (!sha) throw ApiError.notFound();
  return json(200, toGitRef(ctx.repo, ref, sha, ctx.urls));
}

function matchingRefs(ctx: RouteContext) {
  const prefix = refOf(ctx);
  const refs = [...ctx.repo.refs.entries()].filter(([r]) => r.startsWith(prefix)).sort(([a], [b]) => a.localeCompare(b));
  return json(200, refs.map(([r, sha]) => toGitRef(ctx.repo, r, sha, ctx.urls)));
}

function createRef(ctx: RouteContext) {
  const body = parseBody(CREATE_REF, ctx.body);
  if (!body.ref.startsWith('refs/') || body.ref.split('/').length < 3) {
    throw ApiError.unprocessable("Reference name must start with 'refs/' and have at least two slashes.");
  }
  if (ctx.repo.refs.has(body.ref)) throw ApiError.unprocessable('Reference already exists');
  if (!ctx.repo.git.commit(body.sha)) throw ApiError.unprocessable('Object does not exist');
  moveRef(ctx, ctx.repo, body.ref, body.sha, actor(ctx.state, ctx.caller));
  return json(201, toGitRef(ctx.repo, body.ref, body.sha, ctx.urls));
}

function updateRef(ctx: RouteContext) {
  const body = parseBody(UPDATE_REF, ctx.body);
  const ref = refOf(ctx);
  const current = ctx.repo.refs.get(ref);
  if (!current) throw ApiError.unprocessable('Reference does not exist');
  if (!ctx.repo.git.commit(body.sha)) throw ApiError.unprocessable('Object does not exist');
  if (!body.force && !ctx.repo.git.isAncestor(current, body.sha)) throw ApiError.unprocessable('Update is not a fast forward');
  moveRef(ctx, ctx.repo, ref, body.sha, actor(ctx.state, ctx.caller));
  return json(200, toGitRef(ctx.repo, ref, body.sha, ctx.urls));
}

function deleteRef(ctx: RouteContext) {
  const ref = refOf(ctx);
  if (!ctx.repo.refs.has(ref)) throw ApiError.unprocessable('Reference does not exist');
  moveRef(ctx, ctx.repo, ref, null, actor(ctx.state, ctx.caller));
  return noContent();
}

function createTree(ctx: RouteContext) {
  const body = parseBody(CREATE_TREE, ctx.body);
  const git = ctx.repo.git;
  let files: FileMap = new Map();
  if (body.base_tree) {
    if (!git.tree(body.base_tree)) throw ApiError.unprocessable('Invalid request.\n\nbase_tree is not a valid tree oid');
    files = git.files(body.base_tree);
  }
  for (const e of body.tree) {
    const path = e.path.replace(/^\/+|\/+$/g, '');
    if (e.type !== 'blob') throw ApiError.unprocessable(`Invalid request.\n\nOnly blob entries are supported by this fake: ${path}`);
    if (e.sha === null) {
      files.delete(path);
      continue;
    }
    if (e.content !== undefined && e.sha !== undefined) {
      throw ApiError.unprocessable('Invalid request.\n\nOnly one of "content" or "sha" may be supplied.');
    }
    const sha = e.content !== undefined ? git.putBlob(e.content) : e.sha;
    if (!sha || !git.blob(sha)) throw ApiError.validation({ resource: 'Tree', code: 'invalid', field: 'tree.sha', value: sha });
    files.set(path, { sha, mode: e.mode as TreeEntry['mode'] });
  }
  const sha = git.treeFromFiles(files);
  return json(201, toGitTree(ctx.repo, sha, false, ctx.urls));
}

function createCommit(ctx: RouteContext) {
  const body = parseBody(CREATE_COMMIT, ctx.body);
  const git = ctx.repo.git;
  if (!git.tree(body.tree)) throw ApiError.unprocessable('Tree SHA does not exist');
  for (const p of body.parents ?? []) if (!git.commit(p)) throw ApiError.unprocessable('Parent SHA does not exist or is not a commit object');
  const me = actor(ctx.state, ctx.caller);
  const date = ctx.state.timestamp();
  const who = (i: z.infer<typeof IDENTITY> | undefined) => ({ name: i?.name ?? me.name, email: i?.email ?? me.email, date: i?.date ?? date });
  const author = who(body.author);
  const sha = git.putCommit({
    tree: body.tree,
    parents: body.parents ?? [],
    author,
    committer: body.committer ? who(body.committer) : body.author ? author : who(undefined),
    message: body.message,
  });
  return json(201, toGitCommit(ctx.repo, sha, ctx.urls));
}

export function gitRoutes(): Route[] {
  const base = '/repos/{owner}/{repo}/git';
  return [
    { method: 'GET', pattern: `${base}/ref/{ref+}`, scope: 'repo', permission: READ, handler: getRef },
    { method: 'GET', pattern: `${base}/matching-refs/{ref+}`, scope: 'repo', permission: READ, handler: matchingRefs },
    { method: 'POST', pattern: `${base}/refs`, scope: 'repo', permission: WRITE, handler: createRef },
    { method: 'PATCH', pattern: `${base}/refs/{ref+}`, scope: 'repo', permission: WRITE, handler: updateRef },
    { method: 'DELETE', pattern: `${base}/refs/{ref+}`, scope: 'repo', permission: WRITE, handler: deleteRef },
    {
      method: 'GET',
      pattern: `${base}/commits/{sha}`,
      scope: 'repo',
      permission: READ,
      handler: (ctx) => {
        if (!ctx.repo.git.commit(ctx.params.sha!)) throw ApiError.notFound();
        return json(200, toGitCommit(ctx.repo, ctx.params.sha!, ctx.urls));
      },
    },
    { method: 'POST', pattern: `${base}/commits`, scope: 'repo', permission: WRITE, handler: createCommit },
    {
      method: 'GET',
      pattern: `${base}/trees/{sha}`,
      scope: 'repo',
      permission: READ,
      handler: (ctx) => {
        const sha = ctx.repo.git.commit(ctx.params.sha!)?.tree ?? ctx.params.sha!;
        if (!ctx.repo.git.tree(sha)) throw ApiError.notFound();
        return json(200, toGitTree(ctx.repo, sha, ['1', 'true'].includes(ctx.query.get('recursive') ?? ''), ctx.urls));
      },
    },
    { method: 'POST', pattern: `${base}/trees`, scope: 'repo', permission: WRITE, handler: createTree },
    {
      method: 'GET',
      pattern: `${base}/blobs/{sha}`,
      scope: 'repo',
      permission: READ,
      handler: (ctx) => {
        const blob = ctx.repo.git.blob(ctx.params.sha!);
        if (!blob) throw ApiError.notFound();
        const api = `${ctx.urls.api}/repos/${ctx.repo.owner.login}/${ctx.repo.name}`;
        return json(200, { sha: ctx.params.sha, node_id: '', size: blob.length, url: `${api}/git/blobs/${ctx.params.sha}`, content: blob.toString('base64'), encoding: 'base64' });
      },
    },
    {
      method: 'POST',
      pattern: `${base}/blobs`,
      scope: 'repo',
      permission: WRITE,
      handler: (ctx) => {
        const body = parseBody(CREATE_BLOB, ctx.body);
        const sha = ctx.repo.git.putBlob(Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8'));
        return json(201, { sha, url: `${ctx.urls.api}/repos/${ctx.repo.owner.login}/${ctx.repo.name}/git/blobs/${sha}` });
      },
    },
  ];
}
