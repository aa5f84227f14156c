import { parseHostUrl } from '../parse-host-url.js';
/** A link into a GitHub repository, split into the repository and the rest of the link. */
export interface GithubRepoRef {
  owner: string;
  repo: string;
  /** Everything after `/{owner}/{repo}`: path (e.g. `/tree/main/data`), query and fragment. */
  rest: string;
}

const HOSTS = new Set(['github.com', 'www.github.com']);

// First path segments that are GitHub's own pages, not users or organisations. GitHub forbids
// these as account names, so `github.com/{one of these}/x` is never a repository.
// A repository check of these would find no repository and call the link dead: `user-attachments`
// holds the images and videos pasted into READMEs, `advisories` the advisory database, `stars` lists.
const RESERVED_OWNERS = new Set([
  'about', 'account', 'advisories', 'apps', 'blog', 'codespaces', 'collections', 'contact',
  'customer-stories', 'dashboard', 'enterprise', 'events', 'explore', 'features', 'github-copilot',
  'issues', 'join', 'login', 'logout', 'marketplace', 'new', 'notifications', 'orgs', 'organizations',
  'pricing', 'pulls', 'readme', 'resources', 'search', 'security', 'sessions', 'settings', 'signup',
  'site', 'solutions', 'sponsors', 'stars', 'team', 'topics', 'trending', 'user-attachments', 'users',
]);

// GitHub account names: alphanumerics and single hyphens; repository names: alphanumerics, `.`, `_`, `-`.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Parses `https://github.com/{owner}/{repo}[/...]` (also `www.`, `http:`, a `.git` suffix).
 * Returns undefined for GitHub's own pages, user/organisation pages and names GitHub cannot hold
 * (a link with `%5C` from an escaped underscore is left to the HTTP checker and the linter).
 */
export function parseGithubRepoUrl(url: string): GithubRepoRef | undefined {
  const parsed = parseHostUrl(url, HOSTS);
  if (!parsed) return undefined;

  const [, owner = '', rawRepo = '', ...more] = parsed.pathname.split('/');
  if (!OWNER.test(owner) || RESERVED_OWNERS.has(owner.toLowerCase())) return undefined;
  const repo = rawRepo.endsWith('.git') ? rawRepo.slice(0, -'.git'.length) : rawRepo;
  if (!REPO.test(repo) || repo === '.' || repo === '..') return undefined;

  const path = more.length > 0 ? `/${more.join('/')}` : '';
  return { owner, repo, rest: `${path}${parsed.search}${parsed.hash}` };
}

/** The canonical link for a repository, with the rest of an original link appended. */
export function githubRepoUrl(fullName: string, rest = ''): string {
  return `https://github.com/${fullName}${rest}`;
}
