import { LinkmedicError } from '../errors.js';
import type { GithubClient } from '../github-app/repo-run.js';

/**
 * Who the token acts as: `github-actions[bot]` for the workflow token, `<slug>[bot]` for another
 * app's installation token, a login for a personal token. Only GraphQL's `viewer` answers for all
 * three: REST `GET /user` refuses installation tokens (403 "Resource not accessible by
 * integration") and `GET /app` wants the app's JWT (401). The steps use it to tell what linkmedic
 * wrote, and may rewrite, from what a human did.
 */
export async function resolveBotLogin(octokit: GithubClient): Promise<string> {
  const { viewer } = await octokit.graphql<{ viewer: { login: string } | null }>('query { viewer { login } }');
  if (!viewer?.login) throw new LinkmedicError('EXTERNAL_SERVICE', 'GitHub did not say who the token belongs to (GraphQL viewer)');
  return viewer.login;
}
