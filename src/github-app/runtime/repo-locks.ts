import { LinkmedicError } from '../../errors.js';
import type { Leases } from '../../store/leases/leases.js';

/** The lease a repository's writer holds: `repo:owner/name`, lower-cased like every repository key. */
export const repoLeaseName = (repo: string): string => `repo:${repo.toLowerCase()}`;

/**
 * One writer per repository, across processes and machines: a nightly run, a ticked checkbox, a
 * command, `run --repo` on the same repository queue up instead of racing each other's GitHub
 * writes. Work in this process queues in memory first; then it takes the repository's lease in the
 * store, waiting (bounded) while another process holds it, and never goes ahead without it.
 */
export class RepoLocks {
  readonly #tails = new Map<string, Promise<unknown>>();
  readonly #closing = new AbortController();

  constructor(private readonly leases: Leases) {}

  /**
   * Runs `work` holding the repository's lease. `work` gets the lease's signal, aborted when the
   * lease is lost (see `HeldLease`): it must then stop writing. Throws a `BUSY` error, which the
   * pass and the webhook queue retry, when the lease stays taken for the whole wait.
   */
  run<T>(repo: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const key = repo.toLowerCase();
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const leased = () => this.#leased(key, work);
    const result = previous.then(leased, leased);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /**
   * Drops the repository's lease whoever holds it: for a repository the app was just removed
   * from. A run still holding it loses it at its next renewal and stops writing.
   */
  async releaseRepo(repo: string): Promise<void> {
    await this.leases.forceRelease(repoLeaseName(repo));
  }

  /** Stops waiting for leases (a shutdown): waiting work fails with `BUSY` and is left for later. */
  close(): void {
    this.#closing.abort();
  }

  async #leased<T>(key: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const acquired = await this.leases.acquire(repoLeaseName(key), { signal: this.#closing.signal });
    if ('heldBy' in acquired) {
      const why = this.#closing.signal.aborted ? 'this process is shutting down' : `it stayed busy for ${Math.round(this.leases.options.maxWaitMs / 1000)} s`;
      throw new LinkmedicError('BUSY', `${key} is being written to by another linkmedic process (${acquired.heldBy}); ${why}`, 'try again later; the nightly pass and the webhook queue do');
    }
    const lease = acquired.held;
    try {
      return await work(lease.signal);
    } finally {
      await lease.release();
    }
  }
}
