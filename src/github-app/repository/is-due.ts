import type { RepoConfig } from '../../config/repo-config.js';

const DAY_MS = 86_400_000;

/**
 * Whether a scheduled pass checks the repository tonight. `weekly` counts from the last recorded
 * run rather than naming a weekday, so a night the server was down does not cost a whole week.
 */
export function isDue(schedule: RepoConfig['schedule'], lastRunAt: Date | undefined, now: Date): boolean {
  if (schedule === 'off') return false;
  if (schedule === 'nightly' || !lastRunAt) return true;
  return now.getTime() - lastRunAt.getTime() >= 6 * DAY_MS;
}
