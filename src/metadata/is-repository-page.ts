/**
 * Whether the rest of a link after `/{owner}/{name}` is the repository itself or one of the pages
 * every repository has. Only then is an API's "no such repository" evidence that the link is dead:
 * a path the reserved-name lists did not foresee (`github.com/some-new-feature/x/y`) must not be
 * called dead because the API found no repository "some-new-feature/x"; the HTTP checker decides.
 */
export function isRepositoryPage(rest: string, pages: ReadonlySet<string>): boolean {
  const path = rest.replace(/[?#].*$/, '');
  if (path === '' || path === '/' || path === '.git') return true;
  const first = path.split('/')[1] ?? '';
  return pages.has(first);
}

/** Pages of every GitHub repository (the tabs, files, releases, archives). */
export const GITHUB_REPOSITORY_PAGES: ReadonlySet<string> = new Set([
  'actions', 'activity', 'archive', 'blame', 'blob', 'branches', 'commit', 'commits', 'compare', 'discussions',
  'forks', 'graphs', 'issues', 'labels', 'milestones', 'network', 'packages', 'projects', 'pull', 'pulls',
  'pulse', 'raw', 'releases', 'security', 'stargazers', 'tags', 'tree', 'watchers', 'wiki',
]);

/** Pages of every Hugging Face repository. */
export const HUB_REPOSITORY_PAGES: ReadonlySet<string> = new Set([
  'blob', 'commit', 'commits', 'discussions', 'edit', 'raw', 'resolve', 'settings', 'tree', 'viewer',
]);
