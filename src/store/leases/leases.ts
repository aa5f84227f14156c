import type { SqlExecutor } from '../sql/sql-driver.js';
import { isSqlFailure } from '../sql/sql-failure.js';
import { HeldLease } from './held-lease.js';
import { DEFAULT_LEASE_OPTIONS, type LeaseOptions } from './lease-options.js';
import { LeaseTable } from './lease-table.js';

/** What `acquire` got: the lease, or the holder it waited for in vain. */
export type Acquired = { held: HeldLease } | { heldBy: string };

/**
 * Named leases in the store, for exclusion across processes and machines (the nightly pass, one
 * writer per repository). A taken lease is waited for, polling with a jittered backoff, up to a
 * bound; a holder whose process is provably gone is taken over at once.
 */
export class Leases {
  readonly table: LeaseTable;
  readonly options: LeaseOptions;

  constructor(sql: SqlExecutor, options: Partial<LeaseOptions> = {}) {
    this.table = new LeaseTable(sql);
    this.options = { ...DEFAULT_LEASE_OPTIONS, ...options };
  }

  /** Takes the lease, waiting up to `maxWaitMs` (0: one try) or until `signal` aborts. */
  async acquire(name: string, { maxWaitMs = this.options.maxWaitMs, signal }: { maxWaitMs?: number; signal?: AbortSignal } = {}): Promise<Acquired> {
    const holder = this.options.newHolder();
    const started = this.options.now().getTime();
    let heldBy = '';
    for (let attempt = 0; ; attempt += 1) {
      const waited = this.options.now().getTime() - started;
      try {
        const tried = await this.#try(name, holder);
        if (tried instanceof HeldLease) return { held: tried };
        if (tried === undefined) continue;
        heldBy = tried;
      } catch (error) {
        // The database busy for a moment (SQLite's write lock past its timeout, a Postgres failover) is a failed try.
        if (!isSqlFailure(error) || waited >= maxWaitMs) throw error;
        this.options.onError(error, `taking the lease ${name}`);
      }
      if (waited >= maxWaitMs || signal?.aborted) return { heldBy };
      await this.options.sleep(Math.min(this.#backoff(attempt), maxWaitMs - waited), signal).catch(() => undefined);
    }
  }

  /** Drops the lease whoever holds it; see `LeaseTable.forceRelease`. */
  forceRelease(name: string): Promise<boolean> {
    return this.table.forceRelease(name);
  }

  /** One try: the lease, the holder that has it, or undefined when it changed hands meanwhile (try again at once). */
  async #try(name: string, holder: string): Promise<HeldLease | string | undefined> {
    const { now, ttlMs } = this.options;
    const at = now();
    if (await this.table.tryAcquire(name, holder, at, ttlMs)) return new HeldLease(name, holder, this.table, this.options, at);
    const current = await this.table.holder(name);
    if (!current) return undefined;
    if (!this.options.isGone(current.holder)) return current.holder;
    const takenAt = now();
    return (await this.table.takeOver(name, current.holder, holder, takenAt, ttlMs)) ? new HeldLease(name, holder, this.table, this.options, takenAt) : undefined;
  }

  /** Doubling, capped, with half of it random ("equal jitter"). */
  #backoff(attempt: number): number {
    const base = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** Math.min(attempt, 30));
    return base / 2 + this.options.random() * (base / 2);
  }
}
