import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { paginate } from '../http/paginate.js';
import { parseBody } from '../http/parse-body.js';
import { json } from '../http/reply.js';
import type { Route, RouteContext } from '../http/route.js';
import { actor } from '../state/actor.js';
import { checkBody, createIssue, editIssue } from '../state/issue-ops.js';
import type { FakeIssue } from '../state/types.js';
import { toIssue } from '../serialize/to-issue.js';

const LABELS = z.array(z.union([z.string(), z.object({ name: z.string() })])).transform((xs) => xs.map((x) => (typeof x === 'string' ? x : x.name)));
const CREATE = z.object({
  title: z.union([z.string(), z.number()]).transform(String),
  body: z.string().nullable().optional(),
  labels: LABELS.optional(),
  assignees: z.array(z.string()).optional(),
  milestone: z.union([z.number(), z.string()]).nullable().optional(),
});
const UPDATE = z.object({
  title: z.union([z.string(), z.number()]).transform(String).nullable().optional(),
  body: z.string().nullable().optional(),
  state: z.enum(['open', 'closed']).optional(),
  state_reason: z.enum(['completed', 'not_planned', 'reopened', 'duplicate']).nullable().optional(),
  labels: LABELS.optional(),
  assignees: z.array(z.string()).optional(),
  milestone: z.union([z.number(), z.string()]).nullable().optional(),
});

export function findIssue(ctx: RouteContext): FakeIssue {
  const issue = ctx.repo.issues.get(Number(ctx.params.issue_number));
  if (!issue) throw ApiError.notFound();
  return issue;
}

function listIssues(ctx: RouteContext) {
  const q = ctx.query;
  const state = q.get('state') ?? 'open';
  const labels = (q.get('labels') ?? '').split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
  const creator = q.get('creator')?.toLowerCase();
  const since = q.get('since');
  const sort = q.get('sort') ?? 'created';
  const direction = q.get('direction') ?? 'desc';
  if (!['open', 'closed', 'all'].includes(state)) throw ApiError.validation({ resource: 'Issue', code: 'invalid', field: 'state' });
  if (!['created', 'updated', 'comments'].includes(sort)) throw ApiError.validation({ resource: 'Issue', code: 'invalid', field: 'sort' });
  const comments = (i: FakeIssue) => [...ctx.repo.comments.values()].filter((c) => c.issueNumber === i.number).length;
  const key = (i: FakeIssue) => (sort === 'updated' ? i.updatedAt : sort === 'comments' ? String(comments(i)).padStart(9, '0') : i.createdAt);
  const items = [...ctx.repo.issues.values()]
    .filter((i) => state === 'all' || i.state === state)
    .filter((i) => labels.every((l) => i.labels.some((x) => x.toLowerCase() === l)))
    .filter((i) => !creator || i.user.login.toLowerCase() === creator)
    .filter((i) => !since || Date.parse(i.updatedAt) >= Date.parse(since))
    .sort((a, b) => {
      const c = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.number - b.number;
      return direction === 'asc' ? c : -c;
    });
  const page = paginate(ctx, items);
  return json(200, page.items.map((i) => toIssue(ctx.state, ctx.repo, i, ctx.urls, { listed: true })), page.headers);
}

function create(ctx: RouteContext) {
  const body = parseBody(CREATE, ctx.body);
  if (body.title.trim() === '') throw ApiError.validation({ resource: 'Issue', code: 'missing_field', field: 'title' });
  checkBody('Issue', body.body);
  const issue = createIssue(ctx, ctx.repo, {
    title: body.title,
    body: body.body ?? null,
    labels: body.labels ?? [],
    user: actor(ctx.state, ctx.caller),
  });
  const api = `${ctx.urls.api}/repos/${ctx.repo.owner.login}/${ctx.repo.name}/issues/${issue.number}`;
  return json(201, toIssue(ctx.state, ctx.repo, issue, ctx.urls), { location: api });
}

function update(ctx: RouteContext) {
  const issue = findIssue(ctx);
  const body = parseBody(UPDATE, ctx.body);
  checkBody('Issue', body.body);
  if (body.title === null || body.title?.trim() === '') throw ApiError.validation({ resource: 'Issue', code: 'missing_field', field: 'title' });
  editIssue(
    ctx,
    ctx.repo,
    issue,
    {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.body !== undefined ? { body: body.body } : {}),
      ...(body.state ? { state: body.state } : {}),
      ...(body.state_reason !== undefined ? { stateReason: body.state_reason } : {}),
      ...(body.labels ? { labels: body.labels } : {}),
    },
    actor(ctx.state, ctx.caller),
  );
  return json(200, toIssue(ctx.state, ctx.repo, issue, ctx.urls));
}

export function issueRoutes(): Route[] {
  const base = '/repos/{owner}/{repo}/issues';
  const read: Route['permission'] = ['issues', 'read'];
  const write: Route['permission'] = ['issues', 'write'];
  return [
    { method: 'GET', pattern: base, scope: 'repo', permission: read, needsIssues: true, handler: listIssues },
    { method: 'POST', pattern: base, scope: 'repo', permission: write, needsIssues: true, handler: create },
    {
      method: 'GET',
      pattern: `${base}/{issue_number}`,
      scope: 'repo',
      permission: read,
      needsIssues: true,
      handler: (ctx) => json(200, toIssue(ctx.state, ctx.repo, findIssue(ctx), ctx.urls)),
    },
    { method: 'PATCH', pattern: `${base}/{issue_number}`, scope: 'repo', permission: write, needsIssues: true, handler: update },
  ];
}
