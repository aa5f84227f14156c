/**
 * One of GitHub's primary rate-limit buckets (`core` for REST, `graphql`), with the
 * `x-ratelimit-*` headers GitHub sends on every response. Refills at `resetAt`.
 */
export class RateBudget {
  limit: number;
  remaining: number;
  used = 0;
  /** Epoch milliseconds when the bucket refills. */
  resetAt: number;

  constructor(
    readonly resource: 'core' | 'graphql',
    limit: number,
    private readonly now: () => number,
  ) {
    this.limit = limit;
    this.remaining = limit;
    this.resetAt = now() + 3_600_000;
  }

  #refill(): void {
    if (this.now() < this.resetAt) return;
    this.remaining = this.limit;
    this.used = 0;
    this.resetAt = this.now() + 3_600_000;
  }

  /** Takes `cost` points; false (nothing taken) when the bucket is empty. */
  take(cost: number): boolean {
    this.#refill();
    if (this.remaining <= 0) return false;
    this.remaining = Math.max(0, this.remaining - cost);
    this.used += cost;
    return true;
  }

  /** Empties the bucket until `resetInMs` from now (a test "uses up" the budget). */
  exhaust(resetInMs: number): void {
    this.remaining = 0;
    this.resetAt = this.now() + resetInMs;
  }

  headers(): Record<string, string> {
    this.#refill();
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-used': String(this.used),
      'x-ratelimit-reset': String(Math.floor(this.resetAt / 1000)),
      'x-ratelimit-resource': this.resource,
    };
  }

  snapshot(): { limit: number; used: number; remaining: number; reset: number } {
    this.#refill();
    return { limit: this.limit, used: this.used, remaining: this.remaining, reset: Math.floor(this.resetAt / 1000) };
  }
}
