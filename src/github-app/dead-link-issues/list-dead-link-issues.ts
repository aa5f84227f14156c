import type { GithubClient } from '../repo-run.js';
import { toKnownIssue, type KnownIssue } from './known-issue.js';

/**
 * Every dead-link issue the app wrote, open and closed, oldest first. Reads every page: a bot that
 * reads only the first page opens duplicates once a repository has a hundred issues.
 */
export async function listDeadLinkIssues(
  octokit: GithubClient,
  where: { owner: string; repo: string; botLogin: string },
): Promise<KnownIssue[]> {
  // `creator` narrows the listing server-side; authorship is checked again on each item.
  const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: where.owner,
    repo: where.repo,
    state: 'all',
    creator: where.botLogin,
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  });
  return items
    .flatMap((item) => toKnownIssue(item, where.botLogin) ?? [])
    .sort((a, b) => a.number - b.number);
}
