import type { FakeRepo } from './fake-repo-store.js';

const DOCS = 'https://docs.github.com/rest';

export const bodies = {
  notFound: { message: 'Not Found', documentation_url: `${DOCS}/repos/repos#get-a-repository`, status: '404' },
  badCredentials: { message: 'Bad credentials', documentation_url: DOCS, status: '401' },
  graphqlNeedsAuth: {
    message: 'This endpoint requires you to be authenticated.',
    documentation_url: 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
  },
  secondaryLimit: {
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:1111:2222:3333:44444444.',
    documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  },
  primaryLimit: {
    message: 'API rate limit exceeded for user ID 1.',
    documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
  },
  graphqlRateLimited: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] },
  graphql502: {
    data: null,
    errors: [{ message: 'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `0000:1111:2222` when reporting this issue.' }],
  },
  graphql504: {
    message: "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
    documentation_url: 'https://docs.github.com/graphql',
  },
  resourceLimit: {
    data: null,
    errors: [{ type: 'RESOURCE_LIMITS_EXCEEDED', message: 'Resource limits for this query exceeded.' }],
  },
  moved: (url: string) => ({ message: 'Moved Permanently', url, documentation_url: `${DOCS}/guides/best-practices-for-using-the-rest-api#follow-redirects` }),
  blocked: (block: NonNullable<FakeRepo['block']>) => ({
    message: 'Repository access blocked',
    block: { reason: block.reason, created_at: block.createdAt, html_url: block.htmlUrl },
  }),
};

/** A subset of `full-repository` (notes §1.3), with the owner and a few `*_url` fields. */
export function toRestRepository(repo: FakeRepo, apiBase: string, webOrigin: string): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  return {
    id: repo.id,
    node_id: Buffer.from(`010:Repository${repo.id}`).toString('base64'),
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: { login: repo.owner, id: repo.id + 7, type: repo.ownerType, site_admin: false, url: `${apiBase}/users/${repo.owner}` },
    html_url: `${webOrigin}/${fullName}`,
    description: repo.description,
    fork: false,
    url: `${apiBase}/repos/${fullName}`,
    homepage: null,
    size: 108,
    stargazers_count: repo.stars,
    watchers_count: repo.stars,
    watchers: repo.stars,
    language: null,
    forks_count: repo.forks,
    forks: repo.forks,
    open_issues_count: 0,
    open_issues: 0,
    default_branch: repo.defaultBranch,
    topics: [],
    is_template: false,
    archived: repo.archived,
    disabled: repo.disabled,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: repo.pushedAt,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    license: repo.license
      ? { key: repo.license.key, name: repo.license.name, spdx_id: repo.license.spdxId ?? 'NOASSERTION', url: repo.license.key === 'other' ? null : `${apiBase}/licenses/${repo.license.key}`, node_id: 'MDc6TGljZW5zZTA=' }
      : null,
    subscribers_count: 1,
    network_count: repo.forks,
  };
}
