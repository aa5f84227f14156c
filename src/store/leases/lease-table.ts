import type { SqlExecutor } from '../sql/sql-driver.js';

/** Who holds a lease and until when. */
export interface LeaseRow {
  holder: string;
  expiresAt: Date;
}

/**
 * The `app_leases` rows: which holder has which named lease until when. Every change is one
 * conditional statement whose row count says whether it happened, so it is atomic on both
 * backends without a transaction (SQLite's write lock, Postgres's row lock on the conflict).
 * Times come from the caller's clock: holders on several machines need clocks that agree to
 * well within a lease's lifetime (NTP does).
 */
export class LeaseTable {
  constructor(private readonly sql: SqlExecutor) {}

  /** Takes the lease when it is free, expired or already `holder`'s; true when `holder` now holds it. */
  async tryAcquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const changed = await this.sql.run(
      `INSERT INTO app_leases (name, holder, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE app_leases.holder = excluded.holder OR app_leases.expires_at <= ?`,
      [name, holder, now.getTime() + ttlMs, now.getTime()],
    );
    return changed === 1;
  }

  /** Takes the lease from `previous` (a holder known to be gone), unless another taker got there first. */
  async takeOver(name: string, previous: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const changed = await this.sql.run(`UPDATE app_leases SET holder = ?, expires_at = ? WHERE name = ? AND holder = ?`, [holder, now.getTime() + ttlMs, name, previous]);
    return changed === 1;
  }

  /**
   * Pushes the expiry on while `holder` still has the row: false once another holder took it
   * (or it was released by force). An expired row nobody took is still the holder's.
   */
  async renew(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const changed = await this.sql.run(`UPDATE app_leases SET expires_at = ? WHERE name = ? AND holder = ?`, [now.getTime() + ttlMs, name, holder]);
    return changed === 1;
  }

  /** Gives the lease up; only its holder can. */
  async release(name: string, holder: string): Promise<boolean> {
    return (await this.sql.run(`DELETE FROM app_leases WHERE name = ? AND holder = ?`, [name, holder])) === 1;
  }

  /** Drops the lease whoever holds it (an uninstalled repository); a holder still working loses it at its next renewal. */
  async forceRelease(name: string): Promise<boolean> {
    return (await this.sql.run(`DELETE FROM app_leases WHERE name = ?`, [name])) === 1;
  }

  async holder(name: string): Promise<LeaseRow | undefined> {
    const row = await this.sql.get<{ holder: string; expires_at: number }>(`SELECT holder, expires_at FROM app_leases WHERE name = ?`, [name]);
    return row && { holder: row.holder, expiresAt: new Date(row.expires_at) };
  }
}
