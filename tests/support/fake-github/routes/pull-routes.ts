import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { paginate } from '../http/paginate.js';
import { parseBody } from '../http/parse-body.js';
import { json } from '../http/reply.js';
import type { Route, RouteContext } from '../http/route.js';
import { actor } from '../state/actor.js';
import { diffFiles } from '../state/diff-files.js';
import { checkBody, createIssue, editIssue } from '../state/issue-ops.js';
import { mergePull } from '../state/merge-pull.js';
import { pullShas } from '../state/pull-shas.js';
import type { FakeIssue } from '../state/types.js';
import { toCommit } from '../serialize/to-commit.js';
import { toPull, toPullListed } from '../serialize/to-pull.js';

const CREATE = z.object({
  title: z.string(),
  head: z.string(),
  base: z.string(),
  body: z.string().nullable().optional(),
  draft: z.boolean().optional(),
  maintainer_can_modify: z.boolean().optional(),
  head_repo: z.string().optional(),
});
const UPDATE = z.object({
  title: z.string().optional(),
  body: z.string().nullable().optional(),
  state: z.enum(['open', 'closed']).optional(),
  base: z.string().optional(),
  maintainer_can_modify: z.boolean().optional(),
});
const MERGE = z.object({
  commit_title: z.string().optional(),
  commit_message: z.string().optional(),
  sha: z.string().optional(),
  merge_method: z.enum(['merge', 'squash', 'rebase']).optional(),
});

function findPull(ctx: RouteContext): FakeIssue {
  const issue = ctx.repo.issues.get(Number(ctx.params.pull_number));
  if (!issue?.pull) throw ApiError.notFound();
  return issue;
}

/** `owner:branch` or `branch`; a head in another owner's fork is not modelled and matches nothing. */
function headBranch(ctx: RouteContext, head: string): string | null {
  const [owner, branch] = head.includes(':') ? head.split(':', 2) : [ctx.repo.owner.login, head];
  return owner!.toLowerCase() === ctx.repo.owner.login.toLowerCase() ? branch! : null;
}

function list(ctx: RouteContext) {
  const q = ctx.query;
  const state = q.get('state') ?? 'open';
  const head = q.get('head');
  const headRef = head ? headBranch(ctx, head) : undefined;
  const base = q.get('base');
  const sort = q.get('sort') ?? 'created';
  const direction = q.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
  const key = (i: FakeIssue) => (sort === 'updated' ? i.updatedAt : i.createdAt);
  const items = [...ctx.repo.issues.values()]
    .filter((i) => i.pull && (state === 'all' || i.state === state))
    .filter((i) => headRef === undefined || i.pull!.headRef === headRef)
    .filter((i) => !base || i.pull!.baseRef === base)
    .sort((a, b) => {
      const c = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.number - b.number;
      return direction === 'asc' ? c : -c;
    });
  const page = paginate(ctx, items);
  return json(200, page.items.map((i) => toPullListed(ctx.state, ctx.repo, i, ctx.urls)), page.headers);
}

function create(ctx: RouteContext) {
  const body = parseBody(CREATE, ctx.body);
  checkBody('PullRequest', body.body);
  const headRef = headBranch(ctx, body.head);
  const headSha = headRef ? ctx.repo.refs.get(`refs/heads/${headRef}`) : undefined;
  const baseSha = ctx.repo.refs.get(`refs/heads/${body.base}`);
  if (!headSha) throw ApiError.validation({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  if (!baseSha) throw ApiError.validation({ resource: 'PullRequest', field: 'base', code: 'invalid' });
  const open = [...ctx.repo.issues.values()].find((i) => i.pull && i.state === 'open' && i.pull.headRef === headRef && i.pull.baseRef === body.base);
  if (open) {
    throw ApiError.validation({ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${ctx.repo.owner.login}:${headRef}.` });
  }
  if (ctx.repo.git.commitsBetween(baseSha, headSha).length === 0) {
    throw ApiError.validation({ resource: 'PullRequest', code: 'custom', message: `No commits between ${body.base} and ${headRef}` });
  }
  const issue = createIssue(ctx, ctx.repo, {
    title: body.title,
    body: body.body ?? null,
    labels: [],
    user: actor(ctx.state, ctx.caller),
    pull: {
      headRef: headRef!,
      baseRef: body.base,
      headSha,
      baseSha,
      draft: body.draft ?? false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      maintainerCanModify: body.maintainer_can_modify ?? true,
    },
  });
  return json(201, toPull(ctx.state, ctx.repo, issue, ctx.urls));
}

function update(ctx: RouteContext) {
  const issue = findPull(ctx);
  const body = parseBody(UPDATE, ctx.body);
  checkBody('PullRequest', body.body);
  if (body.base) {
    if (!ctx.repo.refs.has(`refs/heads/${body.base}`)) throw ApiError.validation({ resource: 'PullRequest', field: 'base', code: 'invalid' });
    issue.pull!.baseRef = body.base;
  }
  if (body.state === 'open' && issue.state === 'closed' && !ctx.repo.refs.has(`refs/heads/${issue.pull!.headRef}`)) {
    throw ApiError.validation({ resource: 'PullRequest', code: 'custom', field: 'state', message: 'state cannot be changed. The head branch was deleted.' });
  }
  editIssue(
    ctx,
    ctx.repo,
    issue,
    {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.body !== undefined ? { body: body.body } : {}),
      ...(body.state ? { state: body.state } : {}),
    },
    actor(ctx.state, ctx.caller),
  );
  return json(200, toPull(ctx.state, ctx.repo, issue, ctx.urls));
}

function prDiff(ctx: RouteContext, issue: FakeIssue) {
  const { head, base } = pullShas(ctx.repo, issue);
  if (!head || !base) return { commits: [], mergeBase: null, head };
  const mergeBase = ctx.repo.git.mergeBase(base, head) ?? null;
  return { commits: ctx.repo.git.commitsBetween(base, head), mergeBase, head };
}

export function pullRoutes(): Route[] {
  const base = '/repos/{owner}/{repo}/pulls';
  const read: Route['permission'] = ['pull_requests', 'read'];
  const write: Route['permission'] = ['pull_requests', 'write'];
  return [
    { method: 'GET', pattern: base, scope: 'repo', permission: read, handler: list },
    { method: 'POST', pattern: base, scope: 'repo', permission: write, handler: create },
    { method: 'GET', pattern: `${base}/{pull_number}`, scope: 'repo', permission: read, handler: (ctx) => json(200, toPull(ctx.state, ctx.repo, findPull(ctx), ctx.urls)) },
    { method: 'PATCH', pattern: `${base}/{pull_number}`, scope: 'repo', permission: write, handler: update },
    {
      method: 'PUT',
      pattern: `${base}/{pull_number}/merge`,
      scope: 'repo',
      permission: ['contents', 'write'],
      handler: (ctx) => {
        const issue = findPull(ctx);
        const body = parseBody(MERGE, ctx.body);
        const sha = mergePull(ctx, ctx.repo, issue, actor(ctx.state, ctx.caller), {
          ...(body.merge_method ? { method: body.merge_method } : {}),
          ...(body.sha ? { sha: body.sha } : {}),
          ...(body.commit_title ? { title: body.commit_title } : {}),
          ...(body.commit_message ? { message: body.commit_message } : {}),
        });
        return json(200, { sha, merged: true, message: 'Pull Request successfully merged' });
      },
    },
    {
      method: 'GET',
      pattern: `${base}/{pull_number}/merge`,
      scope: 'repo',
      permission: read,
      handler: (ctx) => {
        if (!findPull(ctx).pull!.mergedAt) throw ApiError.notFound();
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: `${base}/{pull_number}/commits`,
      scope: 'repo',
      permission: read,
      handler: (ctx) => {
        const page = paginate(ctx, prDiff(ctx, findPull(ctx)).commits);
        return json(200, page.items.map((sha) => toCommit(ctx.state, ctx.repo, sha, ctx.urls)), page.headers);
      },
    },
    {
      method: 'GET',
      pattern: `${base}/{pull_number}/files`,
      scope: 'repo',
      permission: read,
      handler: (ctx) => {
        const { mergeBase, head } = prDiff(ctx, findPull(ctx));
        const full = `${ctx.repo.owner.login}/${ctx.repo.name}`;
        const files = head
          ? diffFiles(ctx.repo.git, mergeBase, head).map((f) => ({
              ...f,
              blob_url: `${ctx.urls.web}/${full}/blob/${head}/${f.filename}`,
              raw_url: `${ctx.urls.web}/${full}/raw/${head}/${f.filename}`,
              contents_url: `${ctx.urls.api}/repos/${full}/contents/${f.filename}?ref=${head}`,
            }))
          : [];
        const page = paginate(ctx, files);
        return json(200, page.items, page.headers);
      },
    },
  ];
}
