import { describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../src/github-app/scheduler/start-scheduler.js';

const quiet = () => {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (_o: unknown, m: string) => lines.push(`error ${m}`) } };
};

describe('the nightly scheduler', () => {
  it('uses node-cron with the configured expression and zone', () => {
    const { log } = quiet();
    for (const [cron, timezone, from, expected] of [
      ['0 3 * * *', 'UTC', '2026-11-01T04:00:00Z', '2026-11-02T03:00:00.000Z'],
      ['0 3 * * *', 'Asia/Tokyo', '2026-11-01T04:00:00Z', '2026-11-01T18:00:00.000Z'],
      ['30 1 * * 1', 'UTC', '2026-11-01T04:00:00Z', '2026-11-02T01:30:00.000Z'],
    ] as const) {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(from) });
      try {
        const scheduler = startScheduler({ cron, timezone, run: async () => {}, log });
        expect(scheduler.nextRun()?.toISOString()).toBe(expected);
        void scheduler.stop();
      } finally {
        vi.useRealTimers();
      }
    }
  });

  it('skips a tick while the previous pass still runs, and stop waits for that pass', async () => {
    let tick: (() => Promise<void>) | undefined;
    let finish: () => void = () => {};
    let started = 0;
    const { lines, log } = quiet();
    const scheduler = startScheduler({
      cron: '0 3 * * *',
      timezone: 'UTC',
      log,
      run: () => {
        started += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      schedule: (_expression, task) => {
        tick = task;
        return { stop: () => undefined, getNextRun: () => null };
      },
    });
    const first = tick!();
    await tick!();
    expect(started).toBe(1);
    expect(lines).toContain('warn the previous nightly pass is still running: this tick is skipped');
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopped).toBe(false);
    finish();
    await Promise.all([first, stopping]);
    expect(stopped).toBe(true);
    const next = tick!();
    expect(started).toBe(2);
    finish();
    await next;
  });

  it('logs a failed pass instead of crashing the process', async () => {
    let tick: (() => Promise<void>) | undefined;
    const { lines, log } = quiet();
    startScheduler({
      cron: '0 3 * * *', timezone: 'UTC', log,
      run: () => Promise.reject(new Error('GitHub is down')),
      schedule: (_e, task) => ((tick = task), { stop: () => undefined, getNextRun: () => null }),
    });
    await expect(tick!()).resolves.toBeUndefined();
    expect(lines).toContain('error nightly pass failed; the next tick resumes it');
  });
});
