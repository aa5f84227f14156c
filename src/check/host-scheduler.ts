import PQueue from 'p-queue';
import type { ErrorClassification } from './classify-error.js';
import type { ResolvedCheckOptions } from './check-options.js';
import { hostPolicyFor } from './host-policy-for.js';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Thrown by `run` when the host was deferred while the task waited for its turn. */
export class HostDeferredError extends Error {
  constructor(readonly until: number) {
    super('host deferred');
  }
}

/** Thrown by `run` when the host was found unreachable while the task waited for its turn. */
export class HostFailedError extends Error {
  constructor(readonly failure: ErrorClassification) {
    super('host unreachable');
  }
}

/**
 * Decides when a request may start: at most `concurrency` in flight overall and the host's cap
 * per host, starts paced by the host's interval, and nothing sent to a host while it has asked
 * us to wait (429). A task first takes a host slot and only then a global one, so a host that
 * is waiting never holds global slots that other hosts could use.
 */
export class HostScheduler {
  readonly maxInFlightByHost = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();
  private readonly queues = new Map<string, PQueue>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly deferredUntil = new Map<string, number>();
  private readonly failures = new Map<string, ErrorClassification>();
  private readonly global: PQueue;

  constructor(
    private readonly options: ResolvedCheckOptions,
    private readonly clock: Clock,
    private readonly onChange: () => void = () => {},
  ) {
    this.global = new PQueue({ concurrency: options.concurrency });
  }

  /** Runs `task` as one request to `host` once the limits allow it. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return this.queueFor(host).add(async () => {
      for (let wait = this.waitFor(host); wait > 0; wait = this.waitFor(host)) {
        await this.clock.sleep(wait);
      }
      const deferredUntil = this.deferredUntilFor(host);
      if (deferredUntil > this.clock.now()) throw new HostDeferredError(deferredUntil);
      const failure = this.failures.get(host);
      if (failure) throw new HostFailedError(failure);
      return this.global.add(async () => {
        this.track(host, +1);
        try {
          return await task();
        } finally {
          this.track(host, -1);
        }
      });
    });
  }

  /** The host asked to wait (Retry-After within the cap): hold its requests until `until`. */
  block(host: string, until: number): void {
    this.blockedUntil.set(host, Math.max(until, this.blockedUntil.get(host) ?? 0));
  }

  /** The host asked to wait longer than the cap: its URLs go to the end of the run. */
  defer(host: string, until: number): void {
    this.deferredUntil.set(host, Math.max(until, this.deferredUntil.get(host) ?? 0));
  }

  /**
   * Remembers that a host cannot be reached from here at all (its name does not resolve, no
   * route, the proxy is down): its other URLs get the same answer without another attempt,
   * and without waiting out the host's pacing (an offline run of 80 github.com links would
   * otherwise take 80 s to say so).
   */
  failHost(host: string, failure: ErrorClassification): void {
    this.failures.set(host, failure);
  }

  failureFor(host: string): ErrorClassification | undefined {
    return this.failures.get(host);
  }

  /** When a deferred host may be asked again (0 if it is not deferred). */
  deferredUntilFor(host: string): number {
    return this.deferredUntil.get(host) ?? 0;
  }

  /** Lets a deferred host be asked again (the final pass) while still honouring its wait. */
  undefer(host: string): void {
    const until = this.deferredUntil.get(host);
    if (until === undefined) return;
    this.deferredUntil.delete(host);
    this.block(host, until);
  }

  inFlightByHost(): Record<string, number> {
    return Object.fromEntries([...this.inFlight].filter(([, n]) => n > 0));
  }

  private waitFor(host: string): number {
    return (this.blockedUntil.get(host) ?? 0) - this.clock.now();
  }

  private track(host: string, delta: number): void {
    const now = (this.inFlight.get(host) ?? 0) + delta;
    this.inFlight.set(host, now);
    if (now > (this.maxInFlightByHost.get(host) ?? 0)) this.maxInFlightByHost.set(host, now);
    this.onChange();
  }

  private queueFor(host: string): PQueue {
    let queue = this.queues.get(host);
    if (!queue) {
      const policy = hostPolicyFor(host, this.options);
      queue = new PQueue({
        concurrency: policy.concurrency,
        ...(policy.intervalMs > 0 ? { interval: policy.intervalMs, intervalCap: 1, strict: true } : {}),
      });
      this.queues.set(host, queue);
    }
    return queue;
  }
}
