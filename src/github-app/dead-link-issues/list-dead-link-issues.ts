import { listBotIssues, type BotIssues } from '../github/list-bot-issues.js';
import type { GithubClient } from '../repo-run.js';
import { toKnownIssue, type KnownIssue } from './known-issue.js';

/**
 * Every dead-link issue the app wrote, open and closed, oldest first (authorship checked on each),
 * from the run's listing when it already has one.
 */
export async function listDeadLinkIssues(
  octokit: GithubClient,
  where: { owner: string; repo: string; botLogin: string },
  listed?: BotIssues,
): Promise<KnownIssue[]> {
  const items = listed ?? (await listBotIssues(octokit, where));
  return items
    .flatMap((item) => toKnownIssue(item, where.botLogin) ?? [])
    .sort((a, b) => a.number - b.number);
}
