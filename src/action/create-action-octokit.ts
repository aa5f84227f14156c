import type { Logger } from 'pino';
import { createAppOctokit, DEFAULT_PACING, type GithubPacing } from '../github-app/github/create-app-octokit.js';
import type { GithubClient } from '../github-app/repo-run.js';

/**
 * The Action's GitHub client: the app's own Octokit (same pacing of writes, same waits on rate
 * limits, same refusal to repeat a POST blindly), authenticated with the workflow's token.
 * `fetch` is the shared HTTP client's, so a self-hosted runner's proxy and CAs apply.
 */
export function createActionOctokit(options: { token: string; baseUrl: string; fetch: typeof globalThis.fetch; log: Logger; pacing?: GithubPacing }): GithubClient {
  const Octokit = createAppOctokit(options.pacing ?? DEFAULT_PACING);
  return new Octokit({ auth: { token: options.token }, baseUrl: options.baseUrl, request: { fetch: options.fetch }, log: options.log }) as GithubClient;
}
