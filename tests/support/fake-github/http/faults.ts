import { seededRandom } from './seeded-random.js';

export type FaultKind = '502' | 'secondary';

/** Which requests a fault may hit (all when omitted). */
export type FaultMatch = (request: { method: string; path: string }) => boolean;

export interface RandomFaultOptions {
  seed: number;
  /** Chance per request, 0..1. */
  probability: number;
  kinds?: FaultKind[];
  /**
   * `before`: the request is refused and nothing changes (default). `after`: the change is
   * made, then the answer is lost to a 502 — GitHub does this on timeouts, and only clients
   * that re-read before retrying avoid duplicates. `either`: the PRNG picks.
   */
  when?: 'before' | 'after' | 'either';
  match?: FaultMatch;
  /** Seconds in `retry-after` for secondary limits (default 1). */
  retryAfter?: number;
}

export interface PlannedFault {
  kind: FaultKind;
  when: 'before' | 'after';
  retryAfter: number;
  status: number;
}

interface Scripted {
  remaining: number;
  fault: PlannedFault;
  match: FaultMatch | undefined;
}

interface Delay {
  remaining: number;
  match: FaultMatch | undefined;
  wait: (request: { method: string; path: string }) => Promise<unknown>;
}

/** Switchable failure modes: scripted ("the next N calls"), seeded random ones, and slow or held answers. */
export class Faults {
  readonly #scripted: Scripted[] = [];
  readonly #delays: Delay[] = [];
  #random: { next: () => number; options: RandomFaultOptions } | null = null;
  /** Every fault answered so far, for assertions and for replaying a seed. */
  readonly injected: Array<PlannedFault & { method: string; path: string }> = [];

  /** The next `times` matching requests get a secondary rate limit (403 + `retry-after`). */
  secondaryRateLimit(options: { times?: number; retryAfter?: number; status?: 403 | 429; match?: FaultMatch } = {}): void {
    this.#scripted.push({
      remaining: options.times ?? 1,
      match: options.match,
      fault: { kind: 'secondary', when: 'before', retryAfter: options.retryAfter ?? 1, status: options.status ?? 403 },
    });
  }

  /** The next `times` matching requests answer a server error (default 502) before or after acting. */
  serverError(options: { times?: number; status?: number; when?: 'before' | 'after'; match?: FaultMatch } = {}): void {
    this.#scripted.push({
      remaining: options.times ?? 1,
      match: options.match,
      fault: { kind: '502', when: options.when ?? 'before', retryAfter: 0, status: options.status ?? 502 },
    });
  }

  /**
   * Matching requests wait before anything else happens to them (they are in `requests` from their
   * arrival): `ms` (a slow GitHub), or until `until` settles (a request held while the test acts:
   * kills the process that sent it, or lets a race happen). `times` limits it to the next N
   * matching requests (default: all of them).
   */
  delay(options: { ms?: number; until?: (request: { method: string; path: string }) => Promise<unknown>; match?: FaultMatch; times?: number }): void {
    const ms = options.ms ?? 0;
    const wait = options.until ?? (() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    this.#delays.push({ remaining: options.times ?? Infinity, match: options.match, wait });
  }

  /** Waits as the matching delays say (see `delay`); called first for every request. */
  async wait(method: string, path: string): Promise<void> {
    const request = { method, path };
    for (const delay of this.#delays) {
      if (delay.remaining <= 0 || (delay.match && !delay.match(request))) continue;
      delay.remaining -= 1;
      await delay.wait(request).catch(() => undefined);
    }
  }

  random(options: RandomFaultOptions): void {
    this.#random = { next: seededRandom(options.seed), options };
  }

  clear(): void {
    this.#scripted.length = 0;
    this.#delays.length = 0;
    this.#random = null;
  }

  /** Decides the fault (if any) for one request; consumes scripted entries and PRNG draws. */
  plan(method: string, path: string): PlannedFault | null {
    const req = { method, path };
    const scripted = this.#scripted.find((s) => s.remaining > 0 && (!s.match || s.match(req)));
    let fault: PlannedFault | null = null;
    if (scripted) {
      scripted.remaining--;
      fault = scripted.fault;
    } else if (this.#random && (!this.#random.options.match || this.#random.options.match(req))) {
      const { next, options } = this.#random;
      if (next() < options.probability) {
        const kinds = options.kinds ?? ['502', 'secondary'];
        const kind = kinds[Math.floor(next() * kinds.length)] ?? '502';
        const mode = options.when ?? 'before';
        const when = mode === 'either' ? (next() < 0.5 ? 'before' : 'after') : mode;
        fault = kind === 'secondary'
          ? { kind, when: 'before', retryAfter: options.retryAfter ?? 1, status: 403 }
          : { kind, when, retryAfter: 0, status: 502 };
      }
    }
    if (fault) this.injected.push({ ...fault, method, path });
    return fault;
  }
}
