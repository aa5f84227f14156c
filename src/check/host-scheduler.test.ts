import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../tests/support/simulated-web/index.js';
import { checkOptionsSchema, type CheckOptions } from './check-options.js';
import type { ErrorClassification } from './classify-error.js';
import { HostDeferredError, HostFailedError, HostScheduler } from './host-scheduler.js';

/** A scheduler whose requests are promises the test settles: `started` lists them in start order. */
function harness(options: CheckOptions, clock = createManualClock()) {
  const scheduler = new HostScheduler(checkOptionsSchema.parse(options), clock);
  const started: string[] = [];
  const pending = new Map<string, () => void>();
  const outcomes = new Map<string, string>();
  const request = (host: string, id: string) =>
    scheduler
      .run(host, () => {
        started.push(id);
        return new Promise<void>((resolve) => pending.set(id, resolve));
      })
      .then(
        () => outcomes.set(id, 'done'),
        (error: unknown) => outcomes.set(id, error instanceof HostDeferredError ? 'deferred' : error instanceof HostFailedError ? 'failed' : 'error'),
      );
  /** Answers request `id` and lets the scheduler hand its slot on. */
  const answer = async (id: string) => {
    pending.get(id)!();
    pending.delete(id);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { scheduler, started, outcomes, request, answer, clock };
}

const dns: ErrorClassification = { verdict: 'dead', reason: 'dns_not_found', detail: 'gone', retriable: false, finalAfterHead: true, environment: 'dns' };

describe('HostScheduler', () => {
  it('hands a freed global slot to the hosts waiting for one in turn, not in arrival order', async () => {
    const { started, request, answer } = harness({ concurrency: 2 });
    for (let i = 1; i <= 6; i++) void request('a.example', `a${i}`);
    void request('b.example', 'b1');
    void request('c.example', 'c1');
    expect(started).toEqual(['a1', 'a2']);
    await answer('a1');
    await answer('a2');
    // a asked first, so its next request goes first; then b and c before a's backlog.
    expect(started).toEqual(['a1', 'a2', 'a3', 'b1']);
    await answer('a3');
    expect(started).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);
  });

  it.each([
    { name: 'per-host cap', options: { perHostConcurrency: 2 }, first: ['a1', 'a2', 'b1', 'b2'] },
    { name: 'global cap', options: { concurrency: 3 }, first: ['a1', 'a2', 'a3'] },
    { name: 'host override', options: { hosts: { 'a.example': { concurrency: 1 } } }, first: ['a1', 'b1', 'b2', 'b3'] },
  ])('starts no more than the $name allows, and starts the next one when a request ends', async ({ options, first }) => {
    const { started, request, answer } = harness(options);
    for (let i = 1; i <= 3; i++) void request('a.example', `a${i}`);
    for (let i = 1; i <= 3; i++) void request('b.example', `b${i}`);
    expect(started).toEqual(first);
    await answer(first[0]!);
    expect(started).toHaveLength(first.length + 1);
  });

  it('waits out a held host with one clock sleep, whatever the number of waiting requests', async () => {
    const { scheduler, started, request, answer, clock } = harness({});
    void request('a.example', 'a1');
    scheduler.block('a.example', clock.now() + 30_000);
    void request('a.example', 'a2');
    void request('a.example', 'a3');
    void request('b.example', 'b1');
    await answer('a1');
    expect(started).toEqual(['a1', 'b1']);
    expect(clock.sleeps).toEqual([30_000]);
    await clock.advance(30_000);
    expect(started).toEqual(['a1', 'b1', 'a2', 'a3']);
  });

  it.each([
    { name: 'unreachable', act: (s: HostScheduler, now: number) => s.failHost('a.example', dns), outcome: 'failed' },
    { name: 'deferred', act: (s: HostScheduler, now: number) => s.defer('a.example', now + 3_600_000), outcome: 'deferred' },
  ])('answers every waiting request of an $name host without sending it', async ({ act, outcome }) => {
    const { scheduler, started, outcomes, request, answer, clock } = harness({ perHostConcurrency: 1 });
    void request('a.example', 'a1');
    void request('a.example', 'a2');
    void request('a.example', 'a3');
    act(scheduler, clock.now());
    await answer('a1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a1']);
    expect(outcomes).toEqual(new Map([['a1', 'done'], ['a2', outcome], ['a3', outcome]]));
  });

  it('paces request starts to a host by its interval, on real time', async () => {
    const { scheduler } = harness({ perHostIntervalMs: 100 });
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map(() => scheduler.run('a.example', async () => void starts.push(performance.now()))));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(gaps).toHaveLength(2);
    // Timers may fire up to a millisecond early against performance.now().
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(98);
  });
});
