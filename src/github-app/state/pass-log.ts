import type { Database } from 'better-sqlite3';

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

/**
 * The nightly pass record in SQLite: which pass is running, how far each repository got, and a
 * lease so two processes (the server's scheduler, an external `run-nightly`) never overlap.
 */
export class PassLog {
  constructor(private readonly db: Database) {}

  /** The unfinished pass started within `resumeWithinMs`, else a new one (older ones are closed). */
  openPass(trigger: string, now: Date, resumeWithinMs: number): Pass {
    return this.db.transaction((): Pass => {
      const open = this.db.prepare(`SELECT id, started_at, trigger FROM app_passes WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1`).get() as
        | { id: number; started_at: number; trigger: string }
        | undefined;
      if (open && now.getTime() - open.started_at <= resumeWithinMs) {
        return { id: open.id, startedAt: new Date(open.started_at), trigger: open.trigger, resumed: true };
      }
      // Too old to resume: tonight's pass starts over, and history already has whatever it recorded.
      this.db.prepare(`UPDATE app_passes SET finished_at = ? WHERE finished_at IS NULL`).run(now.getTime());
      const id = Number(this.db.prepare(`INSERT INTO app_passes (started_at, trigger) VALUES (?, ?)`).run(now.getTime(), trigger).lastInsertRowid);
      return { id, startedAt: now, trigger, resumed: false };
    }).immediate();
  }

  finishPass(passId: number, now: Date): void {
    this.db.prepare(`UPDATE app_passes SET finished_at = ? WHERE id = ?`).run(now.getTime(), passId);
  }

  unfinishedPass(): { id: number; startedAt: Date } | undefined {
    const row = this.db.prepare(`SELECT id, started_at FROM app_passes WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1`).get() as { id: number; started_at: number } | undefined;
    return row && { id: row.id, startedAt: new Date(row.started_at) };
  }

  repo(passId: number, repo: string): PassRepo | undefined {
    const row = this.db.prepare(`SELECT repo, state, run_id, attempts, detail FROM app_pass_repos WHERE pass_id = ? AND repo = ?`).get(passId, repo) as
      | { repo: string; state: PassRepoState; run_id: number | null; attempts: number; detail: string }
      | undefined;
    return row && { repo: row.repo, state: row.state, attempts: row.attempts, detail: row.detail, ...(row.run_id !== null && { runId: row.run_id }) };
  }

  repos(passId: number): PassRepo[] {
    const rows = this.db.prepare(`SELECT repo FROM app_pass_repos WHERE pass_id = ? ORDER BY repo`).pluck().all(passId) as string[];
    return rows.map((repo) => this.repo(passId, repo)!);
  }

  /** Records an attempt's outcome; `runId` sticks once set, so a later failure keeps the recorded run. */
  mark(passId: number, repo: string, state: PassRepoState, now: Date, options: { runId?: number; detail?: string; attempt?: boolean } = {}): void {
    this.db
      .prepare(
        `INSERT INTO app_pass_repos (pass_id, repo, state, run_id, attempts, detail, updated_at) VALUES (@passId, @repo, @state, @runId, @attempts, @detail, @now)
         ON CONFLICT (pass_id, repo) DO UPDATE SET state = @state, run_id = coalesce(@runId, run_id),
           attempts = attempts + @attempts, detail = @detail, updated_at = @now`,
      )
      .run({ passId, repo, state, runId: options.runId ?? null, attempts: options.attempt ? 1 : 0, detail: options.detail ?? '', now: now.getTime() });
  }

  /**
   * Takes (or renews) the named lease unless another holder's is still valid. `isGone` lets the
   * caller tell a holder that cannot be alive any more (a killed process on this host) from one
   * that merely has not renewed yet.
   */
  acquireLease(name: string, holder: string, now: Date, ttlMs: number, isGone: (holder: string) => boolean = () => false): boolean {
    return this.db.transaction((): boolean => {
      const row = this.db.prepare(`SELECT holder, expires_at FROM app_leases WHERE name = ?`).get(name) as { holder: string; expires_at: number } | undefined;
      if (row && row.holder !== holder && row.expires_at > now.getTime() && !isGone(row.holder)) return false;
      this.db
        .prepare(`INSERT INTO app_leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at`)
        .run(name, holder, now.getTime() + ttlMs);
      return true;
    }).immediate();
  }

  releaseLease(name: string, holder: string): void {
    this.db.prepare(`DELETE FROM app_leases WHERE name = ? AND holder = ?`).run(name, holder);
  }
}
