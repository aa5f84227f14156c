import type { HubRateLimit } from './parse-rate-limit-headers.js';

export interface HubPacerOptions {
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** Waits for a window to reset longer than this are not made: the pacer stops instead. */
  maxWaitMs: number;
  /** The anonymous API budget until the Hub's headers say otherwise: 500 requests per 5 minutes. */
  quota?: number;
  windowMs?: number;
}

/**
 * Keeps requests to the Hub within its fixed-window budget: counts what it sends, believes the
 * `RateLimit` headers over its own count, and waits for the window to reset when it is spent.
 */
export class HubPacer {
  #quota: number;
  #windowMs: number;
  #remaining: number;
  #resetAt = 0;
  #stopped = false;
  /** Total time spent waiting for windows to reset. */
  waitedMs = 0;
  /** Most requests sent within one window. */
  maxInWindow = 0;
  #sentInWindow = 0;
  #inFlight = 0;
  #waiting: Promise<void> | undefined;

  constructor(private readonly options: HubPacerOptions) {
    this.#quota = options.quota ?? 500;
    this.#windowMs = options.windowMs ?? 300_000;
    this.#remaining = this.#quota;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  #now(): number {
    return this.options.now().getTime();
  }

  #rollWindow(): void {
    if (this.#now() < this.#resetAt) return;
    this.#resetAt = this.#now() + this.#windowMs;
    // Requests still in flight may land in the new window.
    this.#remaining = this.#quota - this.#inFlight;
    this.#sentInWindow = this.#inFlight;
  }

  /** Resolves true when a request may go now; false once the budget cannot come back in time. */
  async acquire(): Promise<boolean> {
    for (;;) {
      if (this.#stopped) return false;
      this.#rollWindow();
      if (this.#remaining > 0) {
        this.#remaining -= 1;
        this.#inFlight += 1;
        this.#sentInWindow += 1;
        this.maxInWindow = Math.max(this.maxInWindow, this.#sentInWindow);
        return true;
      }
      if (this.#waiting) {
        await this.#waiting;
        continue;
      }
      const wait = this.#resetAt - this.#now();
      if (wait > this.options.maxWaitMs) {
        this.#stopped = true;
        return false;
      }
      // One timer for all queued requests: they wake together when the window resets.
      this.waitedMs += wait;
      this.#waiting = this.options.sleep(wait).finally(() => {
        this.#waiting = undefined;
      });
      await this.#waiting;
    }
  }

  /** An acquired request ended; `limit` is what the Hub said about the budget, if it answered. */
  settle(limit: HubRateLimit = {}): void {
    this.#inFlight -= 1;
    if (limit.quota !== undefined) this.#quota = limit.quota;
    if (limit.windowSeconds !== undefined) this.#windowMs = limit.windowSeconds * 1000;
    if (limit.remaining === undefined || limit.resetSeconds === undefined) return;
    const resetAt = this.#now() + limit.resetSeconds * 1000;
    // The Hub's window is the one that counts. When its reset differs from ours by more than clock
    // noise, take its window; its count may miss requests still in flight, so count those as spent.
    // Within one window, our own count is exact unless others share the budget: the lower wins.
    if (Math.abs(resetAt - this.#resetAt) > 1000) {
      this.#resetAt = resetAt;
      this.#remaining = Math.max(0, limit.remaining - this.#inFlight);
    } else {
      this.#remaining = Math.min(this.#remaining, limit.remaining);
    }
  }

  /** A 429: nothing more goes out until `waitMs` from now (or, beyond the cap, this run). */
  block(waitMs: number): void {
    this.#remaining = 0;
    this.#resetAt = Math.max(this.#resetAt, this.#now() + waitMs);
  }
}
