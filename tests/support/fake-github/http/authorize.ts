import { ApiError } from './api-error.js';
import type { Route, RouteContext } from './route.js';

const LEVEL = { read: 1, write: 2, admin: 3 } as const;

/**
 * GitHub's access rules for a GitHub App: app routes need the JWT, repository routes an
 * installation token covering the repository (public repositories stay readable by anyone,
 * private ones are 404 to outsiders), each route needs its installation permission, archived
 * repositories are read-only and repositories without issues answer 410 on issue routes.
 */
export function authorize(ctx: RouteContext, route: Route): void {
  const { caller } = ctx;
  if (route.scope === 'app') {
    if (caller.kind !== 'app') throw new ApiError(401, 'A JSON web token could not be decoded');
    return;
  }
  if (route.scope === 'installation') {
    if (caller.kind === 'anonymous') throw new ApiError(401, 'Requires authentication');
    if (caller.kind === 'app') {
      throw new ApiError(403, 'You must authenticate with an installation access token in order to list repositories for an installation.');
    }
    return;
  }
  const repo = ctx.repo;
  const write = route.method !== 'GET';
  if (caller.kind === 'app') throw ApiError.notAccessible();
  const covered =
    caller.kind === 'installation' &&
    ctx.state.installationRepos(caller.installation).includes(repo) &&
    (caller.token.repositoryIds === null || caller.token.repositoryIds.has(repo.id));
  if (!covered) {
    if (repo.private) throw ApiError.notFound();
    if (write) throw caller.kind === 'anonymous' ? new ApiError(401, 'Requires authentication') : ApiError.notAccessible();
  } else if (route.permission && caller.kind === 'installation') {
    const [name, needed] = route.permission;
    const granted = caller.token.permissions[name];
    if (!granted || LEVEL[granted] < LEVEL[needed]) throw ApiError.notAccessible();
  }
  if (route.needsIssues && !repo.hasIssues) throw new ApiError(410, 'Issues are disabled for this repo');
  if (write && repo.archived) throw new ApiError(403, 'Repository was archived so is read-only.');
}
