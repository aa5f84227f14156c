import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { paginate } from '../http/paginate.js';
import { parseBody } from '../http/parse-body.js';
import { json } from '../http/reply.js';
import type { Route, RouteContext } from '../http/route.js';
import type { Permissions } from '../state/types.js';
import { toApp } from '../serialize/to-app.js';
import { toInstallation } from '../serialize/to-installation.js';
import { toRepository } from '../serialize/to-repository.js';

const TOKEN_BODY = z.object({
  repositories: z.array(z.string()).optional(),
  repository_ids: z.array(z.number()).optional(),
  permissions: z.record(z.string(), z.enum(['read', 'write', 'admin'])).optional(),
});

const LEVEL = { read: 1, write: 2, admin: 3 } as const;

function installationOf(ctx: RouteContext) {
  const installation = ctx.state.installations.get(Number(ctx.params.installation_id));
  if (!installation) throw ApiError.notFound();
  return installation;
}

export function appRoutes(wallNow: () => number): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/app',
      scope: 'app',
      handler: (ctx) => json(200, toApp(ctx.state.app, ctx.urls, ctx.state.installations.size)),
    },
    {
      method: 'GET',
      pattern: '/app/installations',
      scope: 'app',
      handler: (ctx) => {
        const all = [...ctx.state.installations.values()].map((i) => toInstallation(ctx.state, i, ctx.urls));
        const page = paginate(ctx, all);
        return json(200, page.items, page.headers);
      },
    },
    {
      method: 'GET',
      pattern: '/app/installations/{installation_id}',
      scope: 'app',
      handler: (ctx) => json(200, toInstallation(ctx.state, installationOf(ctx), ctx.urls)),
    },
    {
      method: 'GET',
      pattern: '/repos/{owner}/{repo}/installation',
      scope: 'app',
      handler: (ctx) => {
        const installation = ctx.state.installationFor(ctx.repo);
        if (!installation) throw ApiError.notFound();
        return json(200, toInstallation(ctx.state, installation, ctx.urls));
      },
    },
    {
      method: 'POST',
      pattern: '/app/installations/{installation_id}/access_tokens',
      scope: 'app',
      handler: (ctx) => {
        const installation = installationOf(ctx);
        if (installation.suspendedAt) {
          throw new ApiError(403, 'This installation has been suspended', {
            documentationUrl: 'https://docs.github.com/rest/reference/apps#create-an-installation-access-token-for-an-app',
          });
        }
        const body = parseBody(TOKEN_BODY, ctx.body);
        const permissions: Permissions = body.permissions ?? { ...installation.permissions };
        for (const [name, level] of Object.entries(permissions)) {
          const granted = installation.permissions[name];
          if (!granted || LEVEL[granted] < LEVEL[level]) {
            throw ApiError.unprocessable('The permissions requested are not granted to this installation.');
          }
        }
        const reachable = ctx.state.installationRepos(installation);
        let narrowed: typeof reachable | null = null;
        if (body.repositories || body.repository_ids) {
          narrowed = reachable.filter(
            (r) => body.repositories?.includes(r.name) || body.repository_ids?.includes(r.id),
          );
          const asked = (body.repositories?.length ?? 0) + (body.repository_ids?.length ?? 0);
          if (narrowed.length < asked) {
            throw ApiError.unprocessable('There is at least one repository that does not exist or is not accessible to the parent installation.');
          }
        }
        const token = `ghs_${randomBytes(27).toString('base64url').slice(0, 36)}`;
        const expiresAt = wallNow() + 3600_000;
        ctx.state.tokens.set(token, {
          token,
          installationId: installation.id,
          expiresAt,
          permissions,
          repositoryIds: narrowed ? new Set(narrowed.map((r) => r.id)) : null,
        });
        return json(201, {
          token,
          expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          permissions,
          repository_selection: narrowed ? 'selected' : installation.repositorySelection,
          ...(narrowed ? { repositories: narrowed.map((r) => toRepository(r, ctx.urls)) } : {}),
        });
      },
    },
    {
      // Who am I, for a user token; an installation token (an app's, or a workflow's GITHUB_TOKEN)
      // is refused, as on GitHub: only GraphQL's `viewer` names the bot it acts as.
      method: 'GET',
      pattern: '/user',
      scope: 'installation',
      handler: () => {
        throw new ApiError(403, 'Resource not accessible by integration', { documentationUrl: 'https://docs.github.com/rest/users/users#get-the-authenticated-user' });
      },
    },
    {
      method: 'GET',
      pattern: '/installation/repositories',
      scope: 'installation',
      handler: (ctx) => {
        if (ctx.caller.kind !== 'installation') throw ApiError.notFound();
        const { installation, token } = ctx.caller;
        const repos = ctx.state
          .installationRepos(installation)
          .filter((r) => token.repositoryIds === null || token.repositoryIds.has(r.id));
        const page = paginate(ctx, repos);
        return json(
          200,
          {
            total_count: repos.length,
            repository_selection: installation.repositorySelection,
            repositories: page.items.map((r) => toRepository(r, ctx.urls)),
          },
          page.headers,
        );
      },
    },
  ];
}
