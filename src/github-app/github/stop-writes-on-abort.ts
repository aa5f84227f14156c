import type { GithubClient } from '../repo-run.js';

const READS = new Set(['GET', 'HEAD']);

/**
 * Makes `octokit` refuse every write once `signal` aborts (the repository's lease was lost), by
 * throwing the signal's reason before the request leaves. Checked at the transport rather than
 * before each step, so no write of any step (issues, the fix pull request, the report, replies,
 * onboarding) can slip through; the steps' own error handling then reports the refusal.
 */
export function stopWritesOnAbort(octokit: GithubClient, signal: AbortSignal): GithubClient {
  octokit.hook.before('request', (options) => {
    if (signal.aborted && !READS.has(String(options.method).toUpperCase())) throw signal.reason;
  });
  return octokit;
}
