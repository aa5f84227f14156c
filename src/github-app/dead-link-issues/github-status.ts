/**
 * The HTTP status of a failed GitHub request. Checked structurally: Probot's Octokit and the
 * `octokit` package may carry different copies of `RequestError`, so `instanceof` is unreliable.
 */
export function githubStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
