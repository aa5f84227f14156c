import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { parseBody } from '../http/parse-body.js';
import { json } from '../http/reply.js';
import type { Route, RouteContext } from '../http/route.js';
import { actor } from '../state/actor.js';
import { commitFiles } from '../state/commit-files.js';
import { moveRef } from '../state/move-ref.js';
import { resolveRef } from '../state/resolve-ref.js';
import type { FakeUser } from '../state/types.js';
import { toGitCommit } from '../serialize/to-git.js';

const RAW = /application\/vnd\.github(?:\.v3)?\.raw/;
const IDENTITY = z.object({ name: z.string(), email: z.string(), date: z.string().optional() });
const PUT_BODY = z.object({
  message: z.string(),
  content: z.string(),
  sha: z.string().optional(),
  branch: z.string().optional(),
  committer: IDENTITY.optional(),
  author: IDENTITY.optional(),
});
const DELETE_BODY = PUT_BODY.omit({ content: true }).extend({ sha: z.string() });

function entryJson(ctx: RouteContext, path: string, type: 'file' | 'dir', sha: string, ref: string) {
  const full = `${ctx.repo.owner.login}/${ctx.repo.name}`;
  const url = `${ctx.urls.api}/repos/${full}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const git = `${ctx.urls.api}/repos/${full}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`;
  const html = `${ctx.urls.web}/${full}/${type === 'file' ? 'blob' : 'tree'}/${ref}/${path}`;
  return {
    type,
    size: type === 'file' ? ctx.repo.git.blob(sha)!.length : 0,
    name: path.split('/').pop() ?? path,
    path,
    sha,
    url,
    git_url: git,
    html_url: html,
    download_url: type === 'file' ? `${ctx.urls.web}/raw/${full}/${ref}/${path}` : null,
    _links: { self: url, git, html },
  };
}

/** GitHub wraps base64 content at 60 characters per line. */
function wrapBase64(buf: Buffer): string {
  return (buf.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';
}

function getContents(ctx: RouteContext) {
  const path = (ctx.params.path ?? '').replace(/\/+$/, '');
  const refName = ctx.query.get('ref') ?? ctx.repo.defaultBranch;
  const commitSha = resolveRef(ctx.repo, refName);
  if (!commitSha) throw new ApiError(404, `No commit found for the ref ${refName}`);
  const found = ctx.repo.git.lookup(ctx.repo.git.commit(commitSha)!.tree, path);
  if (!found) throw ApiError.notFound();
  if (found.type === 'tree') {
    const entries = ctx.repo.git.tree(found.sha)!.map((e) =>
      entryJson(ctx, path ? `${path}/${e.name}` : e.name, e.type === 'tree' ? 'dir' : 'file', e.sha, refName),
    );
    return json(200, entries);
  }
  const content = ctx.repo.git.blob(found.sha)!;
  if (RAW.test(String(ctx.headers.accept ?? ''))) {
    return { status: 200, raw: content, contentType: 'application/vnd.github.raw; charset=utf-8' };
  }
  return json(200, { ...entryJson(ctx, path, 'file', found.sha, refName), content: wrapBase64(content), encoding: 'base64' });
}

function writeIdentity(ctx: RouteContext, given: z.infer<typeof IDENTITY> | undefined): FakeUser {
  const me = actor(ctx.state, ctx.caller);
  return given ? { ...me, name: given.name, email: given.email } : me;
}

function writeFile(ctx: RouteContext, remove: boolean) {
  const body = remove ? parseBody(DELETE_BODY, ctx.body) : parseBody(PUT_BODY, ctx.body);
  const path = ctx.params.path!;
  const branch = body.branch ?? ctx.repo.defaultBranch;
  const ref = `refs/heads/${branch}`;
  const head = ctx.repo.refs.get(ref);
  if (!head) throw new ApiError(404, `Branch ${branch} not found`);
  const existing = ctx.repo.git.lookup(ctx.repo.git.commit(head)!.tree, path);
  if (existing?.type === 'tree') throw ApiError.unprocessable(`Invalid request.\n\n${path} is a directory.`);
  if (remove && !existing) throw ApiError.notFound();
  if (existing && body.sha === undefined) throw ApiError.unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.');
  if (existing && body.sha !== existing.sha) throw new ApiError(409, `${path} does not match ${body.sha}`);
  let content: Buffer | null = null;
  if ('content' in body) {
    if (!/^[A-Za-z0-9+/=\s]*$/.test(body.content)) throw ApiError.unprocessable('content is not valid Base64');
    content = Buffer.from(body.content, 'base64');
  }
  const committer = writeIdentity(ctx, body.committer);
  const author = body.author ? writeIdentity(ctx, body.author) : committer;
  const sha = commitFiles(ctx.repo.git, {
    parent: head,
    files: { [path]: content },
    message: body.message,
    author,
    committer,
    date: ctx.state.timestamp(),
  });
  moveRef(ctx, ctx.repo, ref, sha, actor(ctx.state, ctx.caller));
  const commit = toGitCommit(ctx.repo, sha, ctx.urls);
  if (remove) return json(200, { content: null, commit });
  const blob = ctx.repo.git.lookup(ctx.repo.git.commit(sha)!.tree, path)!;
  return json(existing ? 200 : 201, { content: entryJson(ctx, path, 'file', blob.sha, branch), commit });
}

export function contentsRoutes(): Route[] {
  return [
    { method: 'GET', pattern: '/repos/{owner}/{repo}/contents', scope: 'repo', permission: ['contents', 'read'], handler: getContents },
    { method: 'GET', pattern: '/repos/{owner}/{repo}/contents/{path+}', scope: 'repo', permission: ['contents', 'read'], handler: getContents },
    { method: 'PUT', pattern: '/repos/{owner}/{repo}/contents/{path+}', scope: 'repo', permission: ['contents', 'write'], handler: (ctx) => writeFile(ctx, false) },
    { method: 'DELETE', pattern: '/repos/{owner}/{repo}/contents/{path+}', scope: 'repo', permission: ['contents', 'write'], handler: (ctx) => writeFile(ctx, true) },
  ];
}
