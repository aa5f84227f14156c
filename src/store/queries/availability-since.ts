import { VERDICT_NAMES, type Verdict } from '../../check/verdict.js';
import type { SqlExecutor } from '../sql/sql-driver.js';
import { SQL } from '../statements.js';
import { runsSince } from './runs-since.js';
import type { RunSummary } from './run-summary.js';

/** How many URLs got each verdict in one run: one point of an availability chart. */
export interface RunAvailability extends RunSummary {
  /** Every verdict is present, 0 when no URL got it. */
  counts: Record<Verdict, number>;
}

/** Per run since `since`, oldest first, the count of URLs by verdict. */
export async function availabilitySince(tx: SqlExecutor, catalog: string, since: Date): Promise<RunAvailability[]> {
  const rows = await tx.all<{ run_id: number; verdict: Verdict; n: number }>(SQL.verdictCountsSince, [catalog, since.getTime()]);
  const zero = (): Record<Verdict, number> =>
    Object.fromEntries(VERDICT_NAMES.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  const availability = (await runsSince(tx, catalog, since)).map((run) => ({ ...run, counts: zero() }));
  const byId = new Map(availability.map((run) => [run.id, run]));
  for (const row of rows) {
    const run = byId.get(row.run_id);
    if (run) run.counts[row.verdict] = row.n;
  }
  return availability;
}
