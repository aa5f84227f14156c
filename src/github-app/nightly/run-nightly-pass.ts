import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { PassRepoState } from '../state/pass-log.js';
import type { AppRuntime } from '../runtime/app-runtime.js';
import { repoKey } from '../repository/repo-target.js';
import { MAX_ATTEMPTS, attemptPassRepo, isSettled } from './attempt-pass-repo.js';
import { listTargets } from './list-targets.js';

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

const LEASE = 'nightly-pass';
/** How long the pass lease lasts without renewal (renewed every third of it). */
const LEASE_TTL_MS = 15 * 60_000;

/** A pass cut short (crash, restart) is continued if it started less than this long ago. */
export const RESUME_WITHIN_MS = 20 * 3_600_000;

/**
 * One walk over every installation's repositories. Progress is kept in SQLite: a pass cut short
 * (crash, restart, shutdown) is resumed by the next one without redoing finished repositories,
 * and a repository whose run was recorded but not yet written to GitHub reuses that run. One
 * repository's failure never stops the others; it is retried after them, up to `MAX_ATTEMPTS` times in all.
 */
export async function runNightlyPass(rt: AppRuntime, options: PassOptions): Promise<PassOutcome> {
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
  if (!(await rt.passes.acquireLease(LEASE, holder, rt.now(), LEASE_TTL_MS, isDeadHolder))) return { status: 'busy' };
  const heartbeat = setInterval(() => void rt.passes.acquireLease(LEASE, holder, rt.now(), LEASE_TTL_MS).catch((error: unknown) => rt.log.warn({ err: error }, 'renewing the nightly pass lease failed')), LEASE_TTL_MS / 3);
  heartbeat.unref();
  try {
    return await walk(rt, options);
  } finally {
    clearInterval(heartbeat);
    await rt.passes.releaseLease(LEASE, holder);
  }
}

/** A holder on this host whose process no longer exists (killed, crashed): its lease is void. */
function isDeadHolder(holder: string): boolean {
  const [host, pid] = holder.split(':');
  if (host !== hostname() || !pid || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function walk(rt: AppRuntime, options: PassOptions): Promise<PassReport> {
  const pass = await rt.passes.openPass(options.trigger, rt.now(), RESUME_WITHIN_MS);
  const log = rt.log.child({ pass: pass.id });
  log.info({ resumed: pass.resumed, trigger: pass.trigger }, pass.resumed ? 'resuming nightly pass' : 'nightly pass started');
  const { targets, suspended, archived } = await listTargets(rt);
  for (let sweep = 0; sweep < MAX_ATTEMPTS; sweep += 1) {
    const states = new Map((await rt.passes.repos(pass.id)).map((state) => [state.repo, state]));
    const pending = targets.filter((target) => !isSettled(states.get(repoKey(target))));
    if (pending.length === 0) break;
    for (const target of pending) {
      if (options.signal?.aborted) return await outcome(rt, pass, 'stopped', suspended, archived);
      await rt.locks.run(repoKey(target), () => attemptPassRepo(rt, pass.id, target));
    }
  }
  await rt.passes.finishPass(pass.id, rt.now());
  const result = await outcome(rt, pass, 'finished', suspended, archived);
  log.info({ repos: result.repos.length, failed: result.repos.filter((repo) => repo.state === 'failed').length }, 'nightly pass finished');
  return result;
}

async function outcome(rt: AppRuntime, pass: { id: number; resumed: boolean }, status: 'finished' | 'stopped', suspended: number, archived: number): Promise<PassReport> {
  const repos = (await rt.passes.repos(pass.id)).map((repo) => ({ repo: repo.repo, state: repo.state, detail: repo.detail }));
  return { status, passId: pass.id, resumed: pass.resumed, repos, suspendedInstallations: suspended, archivedRepositories: archived };
}
