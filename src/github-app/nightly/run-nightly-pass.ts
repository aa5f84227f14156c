import type { PassRepoState } from '../state/pass-log.js';
import type { AppRuntime } from '../runtime/app-runtime.js';
import { repoKey } from '../repository/repo-target.js';
import { MAX_ATTEMPTS, attemptPassRepo, isSettled } from './attempt-pass-repo.js';
import { listTargets } from './list-targets.js';
import { pruneRemovedHistory } from './prune-removed-history.js';

export interface PassOptions {
  /** Recorded with the pass: `schedule`, `cli`, `startup`. */
  trigger: string;
  /** Stops between repositories, leaving the pass to be resumed (a graceful shutdown). */
  signal?: AbortSignal;
}

/** What a pass did, repository by repository. */
export type PassOutcome = { status: 'busy' } | PassReport;

export interface PassReport {
  /** `stopped`: cut short by the signal; the next pass resumes it. */
  status: 'finished' | 'stopped';
  passId: number;
  resumed: boolean;
  repos: Array<{ repo: string; state: PassRepoState; detail: string }>;
  suspendedInstallations: number;
  archivedRepositories: number;
}

/** The lease one pass at a time holds, across processes and machines. */
export const PASS_LEASE = 'nightly-pass';

/** A pass cut short (crash, restart) is continued if it started less than this long ago. */
export const RESUME_WITHIN_MS = 20 * 3_600_000;

/**
 * One walk over every installation's repositories, then the history of repositories removed from
 * the app long enough ago is deleted. Progress is kept in the store: a pass cut short
 * (crash, restart, shutdown) is resumed by the next one without redoing finished repositories,
 * and a repository whose run was recorded but not yet written to GitHub reuses that run. One
 * repository's failure never stops the others; it is retried after them, up to `MAX_ATTEMPTS` times in all.
 */
export async function runNightlyPass(rt: AppRuntime, options: PassOptions): Promise<PassOutcome> {
  const acquired = await rt.leases.acquire(PASS_LEASE, { maxWaitMs: 0 });
  if ('heldBy' in acquired) return { status: 'busy' };
  const lease = acquired.held;
  try {
    // A pass whose lease was lost (another pass took it after it expired) stops between repositories.
    return await walk(rt, { ...options, signal: options.signal ? AbortSignal.any([options.signal, lease.signal]) : lease.signal });
  } finally {
    await lease.release();
  }
}

async function walk(rt: AppRuntime, options: PassOptions): Promise<PassReport> {
  const pass = await rt.passes.openPass(options.trigger, rt.now(), RESUME_WITHIN_MS);
  const log = rt.log.child({ pass: pass.id });
  log.info({ resumed: pass.resumed, trigger: pass.trigger }, pass.resumed ? 'resuming nightly pass' : 'nightly pass started');
  const listedAt = rt.now();
  const { targets, suspended, archived, installed } = await listTargets(rt);
  for (let sweep = 0; sweep < MAX_ATTEMPTS; sweep += 1) {
    const states = new Map((await rt.passes.repos(pass.id)).map((state) => [state.repo, state]));
    const pending = targets.filter((target) => !isSettled(states.get(repoKey(target))));
    if (pending.length === 0) break;
    for (const target of pending) {
      if (options.signal?.aborted) return await outcome(rt, pass, 'stopped', suspended, archived);
      await attemptPassRepo(rt, pass.id, target);
    }
  }
  await rt.passes.finishPass(pass.id, rt.now());
  await pruneRemovedHistory(rt, { installed, listedAt }).catch((error: unknown) => log.error({ err: error }, 'deleting the history of removed repositories failed; the next pass tries again'));
  const result = await outcome(rt, pass, 'finished', suspended, archived);
  log.info({ repos: result.repos.length, failed: result.repos.filter((repo) => repo.state === 'failed').length }, 'nightly pass finished');
  return result;
}

async function outcome(rt: AppRuntime, pass: { id: number; resumed: boolean }, status: 'finished' | 'stopped', suspended: number, archived: number): Promise<PassReport> {
  const repos = (await rt.passes.repos(pass.id)).map((repo) => ({ repo: repo.repo, state: repo.state, detail: repo.detail }));
  return { status, passId: pass.id, resumed: pass.resumed, repos, suspendedInstallations: suspended, archivedRepositories: archived };
}
