import { LinkmedicError } from '../../errors.js';
import type { LeaseOptions } from './lease-options.js';
import type { LeaseTable } from './lease-table.js';

/**
 * A lease this process holds: renewed every half of its lifetime until released. `signal` aborts
 * when the lease is lost (another holder took it after it expired, or it was released by force,
 * or it could not be renewed before it expired); the holder must then stop writing.
 */
export class HeldLease {
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  #expiresAt: number;
  #released = false;

  constructor(
    readonly name: string,
    readonly holder: string,
    private readonly table: LeaseTable,
    private readonly options: LeaseOptions,
    acquiredAt: Date,
  ) {
    this.#expiresAt = acquiredAt.getTime() + options.ttlMs;
    this.#timer = setInterval(() => void this.renew(), options.ttlMs / 2);
    this.#timer.unref();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** What the timer does every half lifetime; resolves to whether the lease is still held. */
  async renew(): Promise<boolean> {
    if (this.#released || this.signal.aborted) return false;
    const now = this.options.now();
    try {
      if (await this.table.renew(this.name, this.holder, now, this.options.ttlMs)) {
        this.#expiresAt = now.getTime() + this.options.ttlMs;
        return true;
      }
      this.#lose(`another process took the lease ${this.name}, or it was released by force`);
    } catch (error) {
      this.options.onError(error, `renewing the lease ${this.name}`);
      // Not renewed but not yet expired: still ours; the next tick tries again.
      if (this.options.now().getTime() < this.#expiresAt) return true;
      this.#lose(`the lease ${this.name} could not be renewed before it expired`);
    }
    return false;
  }

  /** Stops renewing and gives the lease up; a failure is reported, and the row expires on its own. */
  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    clearInterval(this.#timer);
    try {
      await this.table.release(this.name, this.holder);
    } catch (error) {
      this.options.onError(error, `releasing the lease ${this.name}`);
    }
  }

  #lose(why: string): void {
    if (this.#released) return;
    clearInterval(this.#timer);
    this.#controller.abort(new LinkmedicError('BUSY', `stopped writing: ${why}`, 'the work is tried again once the lease is free'));
  }
}
