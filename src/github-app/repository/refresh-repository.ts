import type { Tick } from '../report-issue/report-checkboxes.js';
import type { AppRuntime } from '../runtime/app-runtime.js';
import { bringUpToDate } from './bring-up-to-date.js';
import { repoKey, type RepoTarget } from './repo-target.js';
import { runRepository, type RepoRunOutcome } from './run-repository.js';

/**
 * Acts on the report's ticked boxes now: the GitHub steps run again from the latest recorded run
 * (no link is checked again, except the ones a box asks to recheck). Without a recorded run, the
 * repository gets its first full run.
 */
export async function refreshRepository(
  rt: AppRuntime,
  target: RepoTarget,
  { signal, ...options }: { ticks?: readonly Tick[]; tickedBy?: string; signal?: AbortSignal } = {},
): Promise<RepoRunOutcome> {
  const record = await rt.memory.latestRun(repoKey(target));
  if (!record) return runRepository(rt, target, { trigger: 'manual', ...(signal && { signal }) });
  const session = { rt, target, octokit: await rt.installation(target.installationId, signal), botLogin: await rt.botLogin(), ...(signal && { signal }) };
  return bringUpToDate(session, record, { detail: 'acted on the report', ...options });
}
