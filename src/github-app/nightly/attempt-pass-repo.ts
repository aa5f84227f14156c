import { describeGithubError } from '../github/request-status.js';
import type { PassRepo, PassRepoState } from '../state/pass-log.js';
import type { AppRuntime } from '../runtime/app-runtime.js';
import { repoKey, type RepoTarget } from '../repository/repo-target.js';
import { runRepository, type RepoRunStatus } from '../repository/run-repository.js';

/** Attempts per repository in one pass (failed ones are retried after the others). */
export const MAX_ATTEMPTS = 3;

const PASS_STATE: Record<RepoRunStatus, PassRepoState> = {
  done: 'done',
  partial: 'failed',
  unconfigured: 'skipped',
  invalid_config: 'skipped',
  not_due: 'skipped',
};

/** Whether a repository needs nothing more in its pass: done, skipped, or out of attempts. */
export const isSettled = (state: PassRepo | undefined): boolean =>
  state !== undefined && (state.state === 'done' || state.state === 'skipped' || (state.state === 'failed' && state.attempts >= MAX_ATTEMPTS));

/**
 * One attempt at one repository of a pass, holding the repository's lease, its outcome recorded
 * in the pass. A failure (a lease that stays busy too) is recorded, never thrown: the caller
 * decides when to try again.
 */
export async function attemptPassRepo(rt: AppRuntime, passId: number, target: RepoTarget): Promise<void> {
  const key = repoKey(target);
  try {
    const result = await rt.locks.run(key, (signal) => runRepository(rt, target, { trigger: 'schedule', pass: { id: passId }, signal }));
    await rt.passes.mark(passId, key, PASS_STATE[result.status], rt.now(), { ...(result.runId && { runId: result.runId }), detail: result.detail, attempt: true });
    if (result.status === 'partial') rt.log.warn({ repo: key, detail: result.detail }, 'repository partly brought up to date');
  } catch (error) {
    await rt.passes.mark(passId, key, 'failed', rt.now(), { detail: describeGithubError(error), attempt: true });
    rt.log.error({ repo: key, err: error }, 'repository run failed; the others continue');
  }
}
