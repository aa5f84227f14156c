import { commentOnce } from '../dead-link-issues/comment-once.js';
import type { GithubClient } from '../repo-run.js';
import { closedByBotMarker } from './fix-pull-markers.js';
import type { FixPull } from './list-fix-pull-requests.js';

/**
 * Closes a fix pull request with one explaining comment, marking the body as closed by the app
 * so that a later run does not read the close as a human rejecting the pairs in it.
 */
export async function closeFixPull(
  octokit: GithubClient,
  where: { owner: string; repo: string; botLogin: string; runId: number },
  pull: FixPull,
  comment: string,
): Promise<void> {
  await commentOnce(octokit, {
    owner: where.owner,
    repo: where.repo,
    issueNumber: pull.number,
    botLogin: where.botLogin,
    marker: `<!-- linkmedic:fix-closed run=${where.runId} -->`,
    body: comment,
  });
  const body = pull.markers?.closedByBot ? pull.body : `${pull.body}\n${closedByBotMarker(where.runId)}`;
  await octokit.rest.pulls.update({ owner: where.owner, repo: where.repo, pull_number: pull.number, state: 'closed', body });
}
