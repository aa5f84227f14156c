import type { SqlDriver, SqlExecutor } from '../../store/sql/sql-driver.js';

/** Where one repository stands in a pass. */
export type PassRepoState =
  /** Its run is recorded; GitHub is not yet (fully) up to date. A retry reuses `runId`. */
  | 'checked'
  /** Recorded and GitHub brought up to date: not touched again in this pass. */
  | 'done'
  /** The last attempt failed; retried while attempts remain. */
  | 'failed'
  /** Nothing to do in this pass (no config, not due, onboarding only): not retried. */
  | 'skipped';

export interface PassRepo {
  repo: string;
  state: PassRepoState;
  runId?: number;
  attempts: number;
  detail: string;
}

export interface Pass {
  id: number;
  startedAt: Date;
  trigger: string;
  /** True when this pass was cut short earlier and is being continued. */
  resumed: boolean;
}

interface PassRepoRow { repo: string; state: PassRepoState; run_id: number | null; attempts: number; detail: string }

const toPassRepo = (row: PassRepoRow): PassRepo => ({
  repo: row.repo, state: row.state, attempts: row.attempts, detail: row.detail, ...(row.run_id !== null && { runId: row.run_id }),
});

/**
 * The nightly pass record in the store: which pass is running and how far each repository got,
 * so a pass cut short is resumed instead of started over.
 */
export class PassLog {
  constructor(private readonly sql: SqlDriver) {}

  /** The unfinished pass started within `resumeWithinMs`, else a new one (older ones are closed). */
  openPass(trigger: string, now: Date, resumeWithinMs: number): Promise<Pass> {
    return this.sql.transaction(async (tx): Promise<Pass> => {
      const open = await tx.get<{ id: number; started_at: number; trigger: string }>(
        `SELECT id, started_at, trigger FROM app_passes WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1`,
      );
      if (open && now.getTime() - open.started_at <= resumeWithinMs) {
        return { id: open.id, startedAt: new Date(open.started_at), trigger: open.trigger, resumed: true };
      }
      // Too old to resume: tonight's pass starts over, and history already has whatever it recorded.
      await tx.run(`UPDATE app_passes SET finished_at = ? WHERE finished_at IS NULL`, [now.getTime()]);
      const created = await tx.get<{ id: number }>(`INSERT INTO app_passes (started_at, trigger) VALUES (?, ?) RETURNING id`, [now.getTime(), trigger]);
      return { id: created!.id, startedAt: now, trigger, resumed: false };
    }, { lock: 'app_passes' });
  }

  async finishPass(passId: number, now: Date): Promise<void> {
    await this.sql.run(`UPDATE app_passes SET finished_at = ? WHERE id = ?`, [now.getTime(), passId]);
  }

  /** Records how many repositories a queued pass set out to bring up to date (see `closeIfSettled`). */
  async plan(passId: number, planned: number): Promise<void> {
    await this.sql.run(`UPDATE app_passes SET planned = ? WHERE id = ?`, [planned, passId]);
  }

  /**
   * Closes a queued pass once every repository it planned is settled: done, skipped, or failed
   * `maxAttempts` times. Each repository's job calls it after its attempt; one statement, so the
   * last two jobs finishing together cannot both miss the close. True when this call closed it.
   */
  async closeIfSettled(passId: number, now: Date, maxAttempts: number): Promise<boolean> {
    const changed = await this.sql.run(
      `UPDATE app_passes SET finished_at = ? WHERE id = ? AND finished_at IS NULL AND planned IS NOT NULL AND planned <= (
         SELECT count(*) FROM app_pass_repos WHERE pass_id = ? AND (state IN ('done', 'skipped') OR (state = 'failed' AND attempts >= ?)))`,
      [now.getTime(), passId, passId, maxAttempts],
    );
    return changed > 0;
  }

  async pass(passId: number): Promise<{ id: number; startedAt: Date; finished: boolean } | undefined> {
    const row = await this.sql.get<{ id: number; started_at: number; finished_at: number | null }>(`SELECT id, started_at, finished_at FROM app_passes WHERE id = ?`, [passId]);
    return row && { id: row.id, startedAt: new Date(row.started_at), finished: row.finished_at !== null };
  }

  async unfinishedPass(): Promise<{ id: number; startedAt: Date } | undefined> {
    const row = await this.sql.get<{ id: number; started_at: number }>(`SELECT id, started_at FROM app_passes WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1`);
    return row && { id: row.id, startedAt: new Date(row.started_at) };
  }

  async repo(passId: number, repo: string): Promise<PassRepo | undefined> {
    const row = await this.sql.get<PassRepoRow>(`SELECT repo, state, run_id, attempts, detail FROM app_pass_repos WHERE pass_id = ? AND repo = ?`, [passId, repo]);
    return row && toPassRepo(row);
  }

  async repos(passId: number): Promise<PassRepo[]> {
    const rows = await this.sql.all<PassRepoRow>(`SELECT repo, state, run_id, attempts, detail FROM app_pass_repos WHERE pass_id = ? ORDER BY repo`, [passId]);
    return rows.map(toPassRepo);
  }

  /** Records an attempt's outcome; `runId` sticks once set, so a later failure keeps the recorded run. */
  async mark(passId: number, repo: string, state: PassRepoState, now: Date, options: { runId?: number; detail?: string; attempt?: boolean } = {}): Promise<void> {
    const runId = options.runId ?? null;
    await this.sql.run(
      `INSERT INTO app_pass_repos (pass_id, repo, state, run_id, attempts, detail, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (pass_id, repo) DO UPDATE SET state = excluded.state, run_id = coalesce(excluded.run_id, app_pass_repos.run_id),
         attempts = app_pass_repos.attempts + excluded.attempts, detail = excluded.detail, updated_at = excluded.updated_at`,
      [passId, repo, state, runId, options.attempt ? 1 : 0, options.detail ?? '', now.getTime()],
    );
  }
}

/**
 * Ties a run to its pass inside the run's own transaction (see `recordRun`): an attempt that dies
 * after recording its run but before the app saves its record leaves the pass naming that run,
 * and the retry discards it instead of leaving the night with two runs.
 */
export async function notePassRun(tx: SqlExecutor, pass: { id: number; now: Date }, repo: string, runId: number): Promise<void> {
  await tx.run(
    `INSERT INTO app_pass_repos (pass_id, repo, state, run_id, detail, updated_at) VALUES (?, ?, 'failed', ?, 'stopped after recording its run', ?)
     ON CONFLICT (pass_id, repo) DO UPDATE SET run_id = excluded.run_id, updated_at = excluded.updated_at`,
    [pass.id, repo, runId, pass.now.getTime()],
  );
}
