import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { paginate } from '../http/paginate.js';
import { parseBody } from '../http/parse-body.js';
import { json, noContent } from '../http/reply.js';
import type { Route, RouteContext } from '../http/route.js';
import { actor } from '../state/actor.js';
import { editIssue } from '../state/issue-ops.js';
import { toIssueEvent } from '../serialize/to-issue-event.js';
import { toLabel } from '../serialize/to-label.js';
import { toComment } from '../serialize/to-comment.js';
import { findIssue } from './issue-routes.js';

const CREATE = z.object({
  name: z.string(),
  color: z.string().regex(/^#?[0-9a-fA-F]{6}$/).optional(),
  description: z.string().max(100).optional(),
});
const NAMES = z
  .union([z.array(z.string()), z.object({ labels: z.array(z.union([z.string(), z.object({ name: z.string() })])) })])
  .transform((v) => (Array.isArray(v) ? v : v.labels.map((x) => (typeof x === 'string' ? x : x.name))));

function issueLabels(ctx: RouteContext, names: string[]) {
  return names.flatMap((n) => {
    const l = ctx.repo.labels.get(n.toLowerCase());
    return l ? [toLabel(ctx.repo, l, ctx.urls)] : [];
  });
}

export function labelRoutes(): Route[] {
  const repoBase = '/repos/{owner}/{repo}';
  const read: Route['permission'] = ['issues', 'read'];
  const write: Route['permission'] = ['issues', 'write'];
  const setLabels = (mode: 'add' | 'set') => (ctx: RouteContext) => {
    const issue = findIssue(ctx);
    const names = parseBody(NAMES, ctx.body);
    const next = mode === 'add' ? [...issue.labels, ...names] : names;
    editIssue(ctx, ctx.repo, issue, { labels: next }, actor(ctx.state, ctx.caller));
    return json(200, issueLabels(ctx, issue.labels));
  };
  return [
    {
      method: 'GET',
      pattern: `${repoBase}/labels`,
      scope: 'repo',
      permission: read,
      handler: (ctx) => {
        const page = paginate(ctx, [...ctx.repo.labels.values()].sort((a, b) => a.id - b.id));
        return json(200, page.items.map((l) => toLabel(ctx.repo, l, ctx.urls)), page.headers);
      },
    },
    {
      method: 'POST',
      pattern: `${repoBase}/labels`,
      scope: 'repo',
      permission: write,
      handler: (ctx) => {
        const body = parseBody(CREATE, ctx.body);
        if (body.name.length > 50 || body.name.trim() === '') throw ApiError.validation({ resource: 'Label', code: 'invalid', field: 'name', value: body.name });
        if (ctx.repo.labels.has(body.name.toLowerCase())) throw ApiError.validation({ resource: 'Label', code: 'already_exists', field: 'name' });
        const label = { id: ctx.state.nextId(), name: body.name, color: (body.color ?? 'ededed').replace(/^#/, '').toLowerCase(), description: body.description ?? null, default: false };
        ctx.repo.labels.set(body.name.toLowerCase(), label);
        return json(201, toLabel(ctx.repo, label, ctx.urls));
      },
    },
    {
      method: 'GET',
      pattern: `${repoBase}/labels/{name}`,
      scope: 'repo',
      permission: read,
      handler: (ctx) => {
        const label = ctx.repo.labels.get(ctx.params.name!.toLowerCase());
        if (!label) throw ApiError.notFound();
        return json(200, toLabel(ctx.repo, label, ctx.urls));
      },
    },
    {
      method: 'GET',
      pattern: `${repoBase}/issues/{issue_number}/labels`,
      scope: 'repo',
      permission: read,
      handler: (ctx) => json(200, issueLabels(ctx, findIssue(ctx).labels)),
    },
    { method: 'POST', pattern: `${repoBase}/issues/{issue_number}/labels`, scope: 'repo', permission: write, handler: setLabels('add') },
    { method: 'PUT', pattern: `${repoBase}/issues/{issue_number}/labels`, scope: 'repo', permission: write, handler: setLabels('set') },
    {
      method: 'DELETE',
      pattern: `${repoBase}/issues/{issue_number}/labels/{name}`,
      scope: 'repo',
      permission: write,
      handler: (ctx) => {
        const issue = findIssue(ctx);
        const name = ctx.params.name!.toLowerCase();
        if (!issue.labels.some((l) => l.toLowerCase() === name)) throw new ApiError(404, 'Label does not exist');
        editIssue(ctx, ctx.repo, issue, { labels: issue.labels.filter((l) => l.toLowerCase() !== name) }, actor(ctx.state, ctx.caller));
        return json(200, issueLabels(ctx, issue.labels));
      },
    },
    {
      method: 'DELETE',
      pattern: `${repoBase}/issues/{issue_number}/labels`,
      scope: 'repo',
      permission: write,
      handler: (ctx) => {
        editIssue(ctx, ctx.repo, findIssue(ctx), { labels: [] }, actor(ctx.state, ctx.caller));
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: `${repoBase}/issues/{issue_number}/events`,
      scope: 'repo',
      permission: read,
      handler: (ctx) => {
        const issue = findIssue(ctx);
        const page = paginate(ctx, ctx.repo.events.filter((e) => e.issueNumber === issue.number));
        return json(200, page.items.map((e) => toIssueEvent(ctx.state, ctx.repo, e, ctx.urls)), page.headers);
      },
    },
    {
      method: 'GET',
      pattern: `${repoBase}/issues/{issue_number}/timeline`,
      scope: 'repo',
      permission: read,
      handler: (ctx) => {
        const issue = findIssue(ctx);
        const events = ctx.repo.events
          .filter((e) => e.issueNumber === issue.number)
          .map((e) => ({ at: e.createdAt, id: e.id, item: toIssueEvent(ctx.state, ctx.repo, e, ctx.urls) as Record<string, unknown> }));
        const comments = [...ctx.repo.comments.values()]
          .filter((c) => c.issueNumber === issue.number)
          .map((c) => ({ at: c.createdAt, id: c.id, item: { ...toComment(ctx.state, ctx.repo, c, ctx.urls), event: 'commented', actor: toComment(ctx.state, ctx.repo, c, ctx.urls).user } }));
        const all = [...events, ...comments].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
        const page = paginate(ctx, all.map((x) => x.item));
        return json(200, page.items, page.headers);
      },
    },
  ];
}
