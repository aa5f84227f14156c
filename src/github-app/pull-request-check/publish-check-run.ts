import type { GithubClient } from '../repo-run.js';
import type { CheckOutput } from './render-check-output.js';

/** The checks API takes at most 50 annotations per request; more are sent in further updates. */
export const ANNOTATIONS_PER_REQUEST = 50;

export const CHECK_NAME = 'linkmedic';

/**
 * Completes a check run with its output. Annotations accumulate across updates, so every batch
 * but the last goes out while the run is still in progress, and the last one completes it: a
 * reader never sees a finished check with half its annotations.
 */
export async function publishCheckRun(
  octokit: GithubClient,
  where: { owner: string; repo: string; checkRunId: number },
  output: CheckOutput,
  completedAt: Date,
): Promise<void> {
  const { owner, repo, checkRunId } = where;
  const batches: CheckOutput['annotations'][] = [];
  for (let i = 0; i < output.annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(output.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const text = { title: output.title, summary: output.summary };
  for (const batch of batches.slice(0, -1)) {
    await octokit.rest.checks.update({ owner, repo, check_run_id: checkRunId, output: { ...text, annotations: batch } });
  }
  await octokit.rest.checks.update({
    owner,
    repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion: output.conclusion,
    completed_at: completedAt.toISOString(),
    output: { ...text, annotations: batches.at(-1) ?? [] },
  });
}
