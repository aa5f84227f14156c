import { commentOnce } from '../dead-link-issues/comment-once.js';
import { isNotFound, requestStatus } from '../github/request-status.js';
import type { GithubClient } from '../repo-run.js';
import { ONBOARDING_BRANCH } from './ensure-onboarding.js';

const DECLINED_MARKER = '<!-- linkmedic:onboarding-declined -->';

/**
 * A human closed the onboarding pull request unmerged: say once what that means and how to undo
 * it, and remove the app's branch. GitHub keeps the closed pull request, which is what
 * `ensureOnboarding` reads to never propose again.
 */
export async function acknowledgeDeclined(octokit: GithubClient, where: { owner: string; repo: string; pullNumber: number; botLogin: string }): Promise<void> {
  await commentOnce(octokit, {
    owner: where.owner,
    repo: where.repo,
    issueNumber: where.pullNumber,
    botLogin: where.botLogin,
    marker: DECLINED_MARKER,
    body: 'Understood: linkmedic leaves this repository alone and will not propose this again. To turn it on later, add `.github/linkmedic.yml` yourself (the file in this pull request is a good start).',
  });
  try {
    await octokit.rest.git.deleteRef({ owner: where.owner, repo: where.repo, ref: `heads/${ONBOARDING_BRANCH}` });
  } catch (error) {
    // Already gone (deleted with the pull request, or by an earlier delivery of this event).
    if (!isNotFound(error) && requestStatus(error) !== 422) throw error;
  }
}
