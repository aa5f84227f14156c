import type { AppRuntime } from '../runtime/app-runtime.js';
import { repoKey } from '../repository/repo-target.js';
import { MAX_ATTEMPTS, isSettled } from './attempt-pass-repo.js';
import { listTargets } from './list-targets.js';
import { pruneRemovedHistory } from './prune-removed-history.js';
import { RESUME_WITHIN_MS } from './run-nightly-pass.js';

/** What a fan-out queued. */
export interface FanOut {
  passId: number;
  resumed: boolean;
  /** Repositories of the pass (all of them, settled ones included). */
  planned: number;
  /** Jobs handed to the queue now (repositories not yet settled). */
  queued: number;
}

/**
 * The nightly pass with a queue: opens tonight's pass (or resumes it, when this job is a retry or
 * a second trigger) and queues one `nightly-repo` job per repository not yet settled in it. Job
 * ids are per pass and repository, and each job checks the pass record before running, so a
 * repository runs once per pass however often the fan-out runs. The pass is closed by the job that
 * settles its last repository (`PassLog.closeIfSettled`); a pass whose jobs were lost with Redis
 * is closed by the next night's fan-out, which starts a new one.
 */
export async function fanOutPass(rt: AppRuntime, trigger: string): Promise<FanOut> {
  const pass = await rt.passes.openPass(trigger, rt.now(), RESUME_WITHIN_MS);
  const listedAt = rt.now();
  const { targets, suspended, archived, installed } = await listTargets(rt);
  const states = new Map((await rt.passes.repos(pass.id)).map((state) => [state.repo, state]));
  const pending = targets.filter((target) => !isSettled(states.get(repoKey(target))));
  await rt.passes.plan(pass.id, targets.length);
  for (const target of pending) await rt.enqueue({ kind: 'nightly-repo', passId: pass.id, target });
  // Nothing left to queue (every repository settled, or none at all): no job would close the pass.
  if (pending.length === 0) await rt.passes.closeIfSettled(pass.id, rt.now(), MAX_ATTEMPTS);
  await pruneRemovedHistory(rt, { installed, listedAt }).catch((error: unknown) => rt.log.error({ err: error }, 'deleting the history of removed repositories failed; the next pass tries again'));
  rt.log.info({ pass: pass.id, resumed: pass.resumed, trigger, planned: targets.length, queued: pending.length, suspended, archived }, pass.resumed ? 'nightly pass resumed: repositories queued' : 'nightly pass started: repositories queued');
  return { passId: pass.id, resumed: pass.resumed, planned: targets.length, queued: pending.length };
}
