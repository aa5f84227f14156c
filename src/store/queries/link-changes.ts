import type { DeadRules } from '../dead-rules.js';
import { evidenceOf } from '../evidence.js';
import type { LinkState } from '../link-state.js';
import type { SqlExecutor } from '../sql/sql-driver.js';
import { SQL } from '../statements.js';
import { latestRuns } from './latest-runs.js';
import { linkStates } from './link-states.js';
import type { RunSummary } from './run-summary.js';

/** A link that was failing after the previous run and answered alive (or redirected) in the latest. */
export interface RecoveredLink {
  url: string;
  /** It had been confirmed dead (a dead-link issue may be open), not merely failing. */
  wasConfirmedDead: boolean;
  /** Its state after the previous run: the streak that just ended. */
  before: LinkState;
  now: LinkState;
}

export interface LinkChanges {
  latestRun?: RunSummary;
  previousRun?: RunSummary;
  /** Confirmed dead after the latest run, not after the previous one. */
  newlyDead: LinkState[];
  recovered: RecoveredLink[];
}

/**
 * What the latest run changed, among the URLs it checked (a URL that left the catalog is neither
 * dead nor recovered). A link whose streak ended because it answered `restricted` is not
 * "recovered": it moves to the needs-a-human list, which the latest verdict already tells.
 */
export async function linkChanges(tx: SqlExecutor, catalog: string, rules: DeadRules): Promise<LinkChanges> {
  const [latestRun, previousRun] = await latestRuns(tx, catalog, 2);
  if (!latestRun) return { newlyDead: [], recovered: [] };
  const urls = (await tx.all<{ url: string }>(SQL.runUrls, [latestRun.id])).map((row) => row.url);
  const now = await linkStates(tx, catalog, urls, rules, { startedAt: latestRun.startedAt.getTime(), id: latestRun.id });
  const before = previousRun
    ? await linkStates(tx, catalog, urls, rules, { startedAt: previousRun.startedAt.getTime(), id: previousRun.id })
    : new Map<string, LinkState>();
  const newlyDead: LinkState[] = [];
  const recovered: RecoveredLink[] = [];
  for (const [url, state] of now) {
    const earlier = before.get(url);
    if (state.confirmedDead && !earlier?.confirmedDead) newlyDead.push(state);
    const latest = state.recent.at(-1);
    if (earlier && earlier.consecutiveFailures > 0 && latest && evidenceOf(latest) === 'alive') {
      recovered.push({ url, wasConfirmedDead: earlier.confirmedDead, before: earlier, now: state });
    }
  }
  return { latestRun, previousRun, newlyDead, recovered };
}
