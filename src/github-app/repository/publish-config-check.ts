import { REPO_CONFIG_PATH } from '../../config/repo-config.js';
import type { GithubClient } from '../repo-run.js';

export const CONFIG_CHECK_NAME = 'linkmedic config';

/**
 * A completed `linkmedic config` check run on the commit saying whether `.github/linkmedic.yml`
 * is valid. One per commit: a commit that already has one is left as it is.
 */
export async function publishConfigCheck(
  octokit: GithubClient,
  where: { owner: string; repo: string; headSha: string },
  result: { ok: true } | { ok: false; message: string },
): Promise<boolean> {
  const { data } = await octokit.rest.checks.listForRef({ owner: where.owner, repo: where.repo, ref: where.headSha, check_name: CONFIG_CHECK_NAME, per_page: 1 });
  if (data.total_count > 0) return false;
  await octokit.rest.checks.create({
    owner: where.owner,
    repo: where.repo,
    name: CONFIG_CHECK_NAME,
    head_sha: where.headSha,
    status: 'completed',
    conclusion: result.ok ? 'success' : 'failure',
    output: result.ok
      ? { title: `${REPO_CONFIG_PATH} is valid`, summary: 'linkmedic will check this catalog on its schedule.' }
      : { title: `${REPO_CONFIG_PATH} is invalid`, summary: `${result.message}\n\nlinkmedic does not check this catalog until the file is fixed.`.slice(0, 65_000) },
  });
  return true;
}
