import { ApiError } from '../http/api-error.js';
import { paginate } from '../http/paginate.js';
import { json } from '../http/reply.js';
import type { Route, RouteContext } from '../http/route.js';
import { toCommit } from '../serialize/to-commit.js';
import { toRepository } from '../serialize/to-repository.js';

const META: Route['permission'] = ['metadata', 'read'];

function branchJson(ctx: RouteContext, name: string, sha: string) {
  const api = `${ctx.urls.api}/repos/${ctx.repo.owner.login}/${ctx.repo.name}`;
  return {
    name,
    commit: toCommit(ctx.state, ctx.repo, sha, ctx.urls),
    _links: { self: `${api}/branches/${name}`, html: `${ctx.urls.web}/${ctx.repo.owner.login}/${ctx.repo.name}/tree/${name}` },
    protected: false,
    protection: { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } },
    protection_url: `${api}/branches/${name}/protection`,
  };
}

export function repoRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/repos/{owner}/{repo}',
      scope: 'repo',
      permission: META,
      handler: (ctx) => json(200, toRepository(ctx.repo, ctx.urls)),
    },
    {
      method: 'GET',
      pattern: '/repos/{owner}/{repo}/branches',
      scope: 'repo',
      permission: META,
      handler: (ctx) => {
        const branches = [...ctx.repo.refs.entries()]
          .filter(([ref]) => ref.startsWith('refs/heads/'))
          .map(([ref, sha]) => ({ name: ref.slice('refs/heads/'.length), sha }))
          .sort((a, b) => a.name.localeCompare(b.name));
        const page = paginate(ctx, branches);
        const api = `${ctx.urls.api}/repos/${ctx.repo.owner.login}/${ctx.repo.name}`;
        return json(
          200,
          page.items.map((b) => ({ name: b.name, commit: { sha: b.sha, url: `${api}/commits/${b.sha}` }, protected: false })),
          page.headers,
        );
      },
    },
    {
      method: 'GET',
      pattern: '/repos/{owner}/{repo}/branches/{branch+}',
      scope: 'repo',
      permission: META,
      handler: (ctx) => {
        const name = ctx.params.branch!;
        const sha = ctx.repo.refs.get(`refs/heads/${name}`);
        if (!sha) throw new ApiError(404, 'Branch not found');
        return json(200, branchJson(ctx, name, sha));
      },
    },
  ];
}
