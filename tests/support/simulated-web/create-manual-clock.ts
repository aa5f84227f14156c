/** A clock and sleep for the checker's `deps`, moved by the test instead of by time. */
export interface ManualClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Every duration passed to `sleep`, in call order. */
  sleeps: number[];
  /** Number of sleeps not yet due. */
  pending(): number;
  /** Resolves once at least `count` sleeps are pending (polls the event loop). */
  waitForSleeps(count?: number): Promise<void>;
  /** Moves time forward by `ms`, waking due sleepers in order. */
  advance(ms: number): Promise<void>;
}

/**
 * `auto: true` makes every sleep return at once while time jumps ahead, for tests that only
 * care which waits were asked for. Without it, sleeps wait for `advance`.
 */
export function createManualClock(options: { start?: number; auto?: boolean } = {}): ManualClock {
  let current = options.start ?? Date.UTC(2026, 0, 1);
  const timers: Array<{ due: number; wake: () => void }> = [];
  const sleeps: number[] = [];
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

  const clock: ManualClock = {
    now: () => current,
    sleeps,
    sleep(ms) {
      sleeps.push(ms);
      if (options.auto) {
        current += Math.max(0, ms);
        return Promise.resolve();
      }
      return new Promise<void>((wake) => timers.push({ due: current + Math.max(0, ms), wake }));
    },
    pending: () => timers.length,
    async waitForSleeps(count = 1) {
      for (let i = 0; timers.length < count; i++) {
        if (i > 10_000) throw new Error(`waited for ${count} sleeps, have ${timers.length}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    },
    async advance(ms) {
      const target = current + ms;
      for (;;) {
        timers.sort((a, b) => a.due - b.due);
        const next = timers[0];
        if (!next || next.due > target) break;
        timers.shift();
        current = Math.max(current, next.due);
        next.wake();
        await flush();
      }
      current = target;
      await flush();
    },
  };
  return clock;
}
