/**
 * The HTTP status of an Octokit `RequestError` (undefined for anything else). Checked structurally:
 * Probot's Octokit and the `octokit` package may carry different copies of `RequestError`.
 */
export const requestStatus = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;

export const isNotFound = (error: unknown): boolean => requestStatus(error) === 404;

/** GitHub's text for a failed request, one line, without the request (it may carry a token). */
export function describeGithubError(error: unknown): string {
  const status = requestStatus(error);
  const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
  return status ? `GitHub answered ${status}: ${message.replace(/ - https:\/\/docs\.github\.com\S*/, '')}` : message;
}
