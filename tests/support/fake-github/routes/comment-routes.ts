import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { paginate } from '../http/paginate.js';
import { parseBody } from '../http/parse-body.js';
import { json, noContent } from '../http/reply.js';
import type { Route, RouteContext } from '../http/route.js';
import { actor } from '../state/actor.js';
import { addComment, checkBody } from '../state/issue-ops.js';
import { issueCommentEvent } from '../webhooks/payloads.js';
import { toComment } from '../serialize/to-comment.js';
import { findIssue } from './issue-routes.js';

const BODY = z.object({ body: z.string() });

function findComment(ctx: RouteContext) {
  const comment = ctx.repo.comments.get(Number(ctx.params.comment_id));
  if (!comment) throw ApiError.notFound();
  return comment;
}

export function commentRoutes(): Route[] {
  const base = '/repos/{owner}/{repo}/issues';
  const read: Route['permission'] = ['issues', 'read'];
  const write: Route['permission'] = ['issues', 'write'];
  return [
    {
      method: 'GET',
      pattern: `${base}/comments/{comment_id}`,
      scope: 'repo',
      permission: read,
      handler: (ctx) => json(200, toComment(ctx.state, ctx.repo, findComment(ctx), ctx.urls)),
    },
    {
      method: 'PATCH',
      pattern: `${base}/comments/{comment_id}`,
      scope: 'repo',
      permission: write,
      handler: (ctx) => {
        const comment = findComment(ctx);
        const { body } = parseBody(BODY, ctx.body);
        checkBody('IssueComment', body);
        const from = comment.body;
        if (body !== from) {
          comment.body = body;
          comment.updatedAt = ctx.state.timestamp();
          const who = actor(ctx.state, ctx.caller);
          ctx.emit(issueCommentEvent(ctx.state, ctx.urls, ctx.repo, comment, 'edited', who, { changes: { body: { from } } }));
        }
        return json(200, toComment(ctx.state, ctx.repo, comment, ctx.urls));
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/comments/{comment_id}`,
      scope: 'repo',
      permission: write,
      handler: (ctx) => {
        const comment = findComment(ctx);
        ctx.emit(issueCommentEvent(ctx.state, ctx.urls, ctx.repo, comment, 'deleted', actor(ctx.state, ctx.caller)));
        ctx.repo.comments.delete(comment.id);
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: `${base}/{issue_number}/comments`,
      scope: 'repo',
      permission: read,
      handler: (ctx) => {
        const issue = findIssue(ctx);
        const since = ctx.query.get('since');
        const all = [...ctx.repo.comments.values()]
          .filter((c) => c.issueNumber === issue.number && (!since || Date.parse(c.updatedAt) >= Date.parse(since)))
          .sort((a, b) => a.id - b.id);
        const page = paginate(ctx, all);
        return json(200, page.items.map((c) => toComment(ctx.state, ctx.repo, c, ctx.urls)), page.headers);
      },
    },
    {
      method: 'POST',
      pattern: `${base}/{issue_number}/comments`,
      scope: 'repo',
      permission: write,
      handler: (ctx) => {
        const issue = findIssue(ctx);
        const { body } = parseBody(BODY, ctx.body);
        checkBody('IssueComment', body);
        if (issue.locked) throw new ApiError(403, 'Unable to create comment because issue is locked.');
        const comment = addComment(ctx, ctx.repo, issue, body, actor(ctx.state, ctx.caller));
        return json(201, toComment(ctx.state, ctx.repo, comment, ctx.urls));
      },
    },
  ];
}
