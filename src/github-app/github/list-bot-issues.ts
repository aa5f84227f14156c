import type { GithubClient } from '../repo-run.js';

/**
 * Every issue (and pull request, which GitHub lists with issues) the app opened in a repository,
 * open and closed, oldest first. Reads every page: a bot that reads only the first page opens
 * duplicates once a repository has a hundred issues. `creator` narrows the listing server-side;
 * callers check authorship again on each item.
 */
export async function listBotIssues(octokit: GithubClient, where: { owner: string; repo: string; botLogin: string }) {
  return octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: where.owner,
    repo: where.repo,
    state: 'all',
    creator: where.botLogin,
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  });
}

/** One run lists the bot's issues once: the report and the dead-link steps both read this. */
export type BotIssues = Awaited<ReturnType<typeof listBotIssues>>;
