import { execute, Kind, parse, validate, type DocumentNode, type GraphQLError } from 'graphql';
import type { FakeRepo, FakeRepoStore } from './fake-repo-store.js';
import { githubGraphqlSchema } from './github-graphql-schema.js';
import type { RateBudget } from './rate-budget.js';

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphqlContext {
  store: FakeRepoStore;
  canSeePrivate: boolean;
  budget: RateBudget;
  /** `http://127.0.0.1:PORT`: where the fake's "web" repository URLs point. */
  webOrigin: string;
  /** Who the request's token acts as (`viewer`); absent where the fake was not told. */
  viewer?: { login: string; databaseId: number };
}

/** GitHub's error shape: `type` first (NOT_FOUND, FORBIDDEN …), then path, locations, message. */
function formatError(error: GraphQLError): Record<string, unknown> {
  const type = (error.originalError as { type?: unknown } | undefined)?.type;
  return {
    ...(typeof type === 'string' ? { type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
  };
}

/** Parses and validates against the real schema; GitHub answers both kinds of failure with 200 + errors. */
export function prepareQuery(query: string): { document: DocumentNode } | { errors: Record<string, unknown>[] } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { errors: [formatError(error as GraphQLError)] };
  }
  const errors = validate(githubGraphqlSchema(), document);
  return errors.length > 0 ? { errors: errors.map(formatError) } : { document };
}

/** Top-level `repository(...)` fields: what makes a batch heavy. */
export function repositoryFieldCount(document: DocumentNode): number {
  let count = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind === Kind.FIELD && selection.name.value === 'repository') count += 1;
    }
  }
  return count;
}

function notFound(owner: string, name: string): Error {
  return Object.assign(new Error(`Could not resolve to a Repository with the name '${owner}/${name}'.`), { type: 'NOT_FOUND' });
}

export const SAML_MESSAGE = 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.';

function toGraphqlRepository(repo: FakeRepo, webOrigin: string): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  return {
    __typename: 'Repository',
    id: Buffer.from(`010:Repository${repo.id}`).toString('base64'),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: fullName,
    owner: { __typename: repo.ownerType, login: repo.owner, url: `${webOrigin}/${repo.owner}` },
    url: `${webOrigin}/${fullName}`,
    description: repo.description,
    homepageUrl: null,
    stargazerCount: repo.stars,
    forkCount: repo.forks,
    isArchived: repo.archived,
    archivedAt: repo.archived ? repo.updatedAt : null,
    isDisabled: repo.disabled,
    isPrivate: repo.private,
    visibility: repo.private ? 'PRIVATE' : 'PUBLIC',
    isFork: false, isLocked: false, lockReason: null, isMirror: false, isEmpty: repo.pushedAt === null, isTemplate: false,
    pushedAt: repo.pushedAt,
    createdAt: repo.createdAt,
    updatedAt: repo.updatedAt,
    licenseInfo: repo.license ? { ...repo.license, url: null, pseudoLicense: repo.license.key === 'other' } : null,
    primaryLanguage: null,
  };
}

/** Runs a validated query over the data set: `repository` (renames followed) and `rateLimit`. */
export async function executeGithubGraphql(
  document: DocumentNode,
  request: GraphqlRequest,
  ctx: GraphqlContext,
): Promise<Record<string, unknown>> {
  const nodeCount = repositoryFieldCount(document);
  const rootValue = {
    repository({ owner, name, followRenames = true }: { owner: string; name: string; followRenames?: boolean }) {
      const found = ctx.store.resolve(`${owner}/${name}`);
      if (!found || (found.moved && !followRenames)) throw notFound(owner, name);
      const { repo } = found;
      // Blocked repositories: how GraphQL shows them is undocumented; NOT_FOUND, like REST's 404 family.
      if (repo.block || (repo.private && !ctx.canSeePrivate)) throw notFound(owner, name);
      if (repo.samlProtected) throw Object.assign(new Error(SAML_MESSAGE), { type: 'FORBIDDEN' });
      return toGraphqlRepository(repo, ctx.webOrigin);
    },
    viewer() {
      // Every token GitHub accepts has a viewer: a user, or an app's bot for installation tokens.
      if (!ctx.viewer) throw new Error('fake-github-api: viewer is not modelled here (pass `viewerOf`)');
      return { ...ctx.viewer, __typename: 'User' };
    },
    rateLimit() {
      const { limit, used, remaining, reset } = ctx.budget.snapshot();
      return { cost: 1, limit, used, remaining, nodeCount, resetAt: new Date(reset * 1000).toISOString() };
    },
  };
  const result = await execute({
    schema: githubGraphqlSchema(),
    document,
    rootValue,
    variableValues: request.variables ?? {},
    operationName: request.operationName ?? null,
  });
  return {
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.errors ? { errors: result.errors.map(formatError) } : {}),
  };
}
