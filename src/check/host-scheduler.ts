import type { ErrorClassification } from './classify-error.js';
import type { ResolvedCheckOptions } from './check-options.js';
import { hostPolicyFor, type ResolvedHostPolicy } from './host-policy-for.js';

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

interface Job {
  task: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface HostState {
  readonly name: string;
  readonly policy: ResolvedHostPolicy;
  readonly waiting: Job[];
  inFlight: number;
  /** `performance.now()` of the last request start, for pacing. */
  lastStart: number;
  blockedUntil: number;
  deferredUntil: number;
  failure?: ErrorClassification;
  /** A timer (pacing) or a clock sleep (a host's wait) will pump this host again. */
  waking: boolean;
  /** In the queue of hosts waiting for a global slot. */
  queued: boolean;
}

/**
 * Decides when a request may start: at most `concurrency` in flight overall and the host's cap
 * per host, starts paced by the host's interval, and nothing sent to a host while it has asked
 * us to wait (429). Waiting requests hold no slot at all, so a host that is waiting never holds
 * slots that other hosts could use. When every global slot is taken, hosts get the freed ones
 * in turn, one request each: a host's next request starts the moment a slot is free for it,
 * without queueing behind the whole run.
 *
 * Hand-written rather than a p-queue per host plus a global one: the global queue served
 * requests in arrival order, so a host's next request waited behind everything queued before
 * it, and requests held host slots while waiting for a global one, which opened more
 * connections than needed (1,000 links over 50 hosts: 400 instead of 300). The two queues'
 * bookkeeping was also about a third of the checker's own allocations per URL.
 */
export class HostScheduler {
  readonly maxInFlightByHost = new Map<string, number>();
  private readonly hosts = new Map<string, HostState>();
  /** Hosts with a request ready to start once a global slot frees, in turn. */
  private readonly ready: HostState[] = [];
  private inFlight = 0;

  constructor(
    private readonly options: ResolvedCheckOptions,
    private readonly clock: Clock,
    private readonly onChange: () => void = () => {},
  ) {}

  /** Runs `task` as one request to `host` once the limits allow it. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.stateFor(host);
    return new Promise<T>((resolve, reject) => {
      state.waiting.push({ task, resolve: resolve as (value: unknown) => void, reject });
      this.pump(state);
    });
  }

  /** The host asked to wait (Retry-After within the cap): hold its requests until `until`. */
  block(host: string, until: number): void {
    const state = this.stateFor(host);
    state.blockedUntil = Math.max(until, state.blockedUntil);
  }

  /** The host asked to wait longer than the cap: its URLs go to the end of the run. */
  defer(host: string, until: number): void {
    const state = this.stateFor(host);
    state.deferredUntil = Math.max(until, state.deferredUntil);
  }

  /**
   * Remembers that a host cannot be reached from here at all (its name does not resolve, no
   * route, the proxy is down): its other URLs get the same answer without another attempt,
   * and without waiting out the host's pacing (an offline run of 80 github.com links would
   * otherwise take 80 s to say so).
   */
  failHost(host: string, failure: ErrorClassification): void {
    const state = this.stateFor(host);
    state.failure = failure;
    this.pump(state);
  }

  failureFor(host: string): ErrorClassification | undefined {
    return this.hosts.get(host)?.failure;
  }

  /** When a deferred host may be asked again (0 if it is not deferred). */
  deferredUntilFor(host: string): number {
    return this.hosts.get(host)?.deferredUntil ?? 0;
  }

  /** Lets a deferred host be asked again (the final pass) while still honouring its wait. */
  undefer(host: string): void {
    const state = this.hosts.get(host);
    if (!state || state.deferredUntil === 0) return;
    const until = state.deferredUntil;
    state.deferredUntil = 0;
    this.block(host, until);
  }

  inFlightByHost(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const state of this.hosts.values()) if (state.inFlight > 0) counts[state.name] = state.inFlight;
    return counts;
  }

  /** Starts as many of the host's waiting requests as its limits and the global cap allow. */
  private pump(state: HostState): void {
    while (state.waiting.length > 0) {
      if (!this.startNext(state)) return;
    }
  }

  /** Starts the host's next waiting request, or arranges to be called again; false if it waits. */
  private startNext(state: HostState): boolean {
    if (state.failure) return this.settleAll(state, new HostFailedError(state.failure));
    const now = this.clock.now();
    if (state.deferredUntil > now) return this.settleAll(state, new HostDeferredError(state.deferredUntil));
    if (state.blockedUntil > now) return this.wake(state, () => this.clock.sleep(state.blockedUntil - now));
    if (state.inFlight >= state.policy.concurrency) return false;
    const paced = state.lastStart + state.policy.intervalMs - performance.now();
    // Pacing runs on real time (the injected clock is for the waits hosts ask for).
    if (state.policy.intervalMs > 0 && paced > 0) return this.wake(state, () => new Promise((resolve) => setTimeout(resolve, paced)));
    if (this.inFlight >= this.options.concurrency) {
      if (!state.queued) {
        state.queued = true;
        this.ready.push(state);
      }
      return false;
    }
    void this.execute(state, state.waiting.shift()!);
    return true;
  }

  private async execute(state: HostState, job: Job): Promise<void> {
    state.inFlight++;
    this.inFlight++;
    state.lastStart = performance.now();
    if (state.inFlight > (this.maxInFlightByHost.get(state.name) ?? 0)) this.maxInFlightByHost.set(state.name, state.inFlight);
    this.onChange();
    let value: unknown;
    let failed = false;
    try {
      value = await job.task();
    } catch (error) {
      failed = true;
      value = error;
    }
    // The slot is handed on before the caller hears the answer: the next request leaves now.
    this.release(state);
    if (failed) job.reject(value);
    else job.resolve(value);
  }

  private release(state: HostState): void {
    state.inFlight--;
    this.inFlight--;
    this.onChange();
    // Hosts that were waiting for a global slot go first, one request each, in turn.
    while (this.inFlight < this.options.concurrency && this.ready.length > 0) {
      const next = this.ready.shift()!;
      next.queued = false;
      if (next.waiting.length > 0 && this.startNext(next) && next.waiting.length > 0 && !next.queued) {
        next.queued = true;
        this.ready.push(next);
      }
    }
    this.pump(state);
  }

  /** Pumps the host again once `after` resolves; one waiter per host at a time. */
  private wake(state: HostState, after: () => Promise<unknown>): false {
    if (!state.waking) {
      state.waking = true;
      void after().then(() => {
        state.waking = false;
        this.pump(state);
      });
    }
    return false;
  }

  /** Answers every waiting request of the host with `error` (deferred or unreachable host). */
  private settleAll(state: HostState, error: Error): false {
    for (const job of state.waiting.splice(0)) job.reject(error);
    return false;
  }

  private stateFor(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = {
        name: host,
        policy: hostPolicyFor(host, this.options),
        waiting: [],
        inFlight: 0,
        lastStart: -Infinity,
        blockedUntil: 0,
        deferredUntil: 0,
        waking: false,
        queued: false,
      };
      this.hosts.set(host, state);
    }
    return state;
  }
}
