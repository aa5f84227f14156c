import type { AppRuntime } from '../runtime/app-runtime.js';
import { repoKey, type RepoTarget } from '../repository/repo-target.js';
import { MAX_ATTEMPTS, attemptPassRepo, isSettled } from './attempt-pass-repo.js';

/**
 * One repository of a queued pass (a `nightly-repo` job). Settled already (a duplicate job, a
 * retried fan-out) or the pass closed: nothing to do. Otherwise one attempt (holding the repository's
 * lease); a failure with attempts left is thrown, so the queue tries again after a backoff. The job
 * that settles the pass's last repository closes the pass.
 */
export async function runPassRepo(rt: AppRuntime, passId: number, target: RepoTarget): Promise<void> {
  const key = repoKey(target);
  const pass = await rt.passes.pass(passId);
  if (!pass || pass.finished || isSettled(await rt.passes.repo(passId, key))) return;
  await attemptPassRepo(rt, passId, target);
  const state = await rt.passes.repo(passId, key);
  if (await rt.passes.closeIfSettled(passId, rt.now(), MAX_ATTEMPTS)) {
    const repos = await rt.passes.repos(passId);
    rt.log.info({ pass: passId, repos: repos.length, failed: repos.filter((repo) => repo.state === 'failed').length }, 'nightly pass finished');
  }
  if (state?.state === 'failed' && state.attempts < MAX_ATTEMPTS) throw new Error(`${key}: ${state.detail}`);
}
