import type { GithubClient } from '../repo-run.js';

/**
 * The app's one reply of a kind on an issue, edited in place: answering a command again updates
 * the earlier answer instead of stacking comments (and notifications) in the thread.
 */
export async function upsertReply(
  octokit: GithubClient,
  where: { owner: string; repo: string; issueNumber: number; botLogin: string },
  marker: string,
  body: string,
): Promise<{ commentId: number; created: boolean }> {
  const text = `${body}\n\n${marker}`;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: where.owner, repo: where.repo, issue_number: where.issueNumber, per_page: 100 });
  const mine = comments.find((comment) => comment.user?.login === where.botLogin && comment.body?.includes(marker));
  if (mine) {
    if (mine.body !== text) await octokit.rest.issues.updateComment({ owner: where.owner, repo: where.repo, comment_id: mine.id, body: text });
    return { commentId: mine.id, created: false };
  }
  const { data } = await octokit.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: where.issueNumber, body: text });
  return { commentId: data.id, created: true };
}
