import type { GithubClient } from '../repo-run.js';

export interface CommentOnceInput {
  owner: string;
  repo: string;
  issueNumber: number;
  botLogin: string;
  /** A hidden HTML comment that identifies this message; it is appended to `body`. */
  marker: string;
  body: string;
  /** The issue's comment count when known: zero spares listing the comments. */
  knownComments?: number;
}

/**
 * Posts a comment unless the app already posted one with the same marker. A retried run whose
 * earlier attempt commented and then failed must not say the same thing twice.
 */
export async function commentOnce(octokit: GithubClient, input: CommentOnceInput): Promise<boolean> {
  const { owner, repo, issueNumber } = input;
  if (input.knownComments !== 0) {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
    if (comments.some((comment) => comment.user?.login === input.botLogin && comment.body?.includes(input.marker))) return false;
  }
  await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: `${input.body}\n\n${input.marker}` });
  return true;
}
