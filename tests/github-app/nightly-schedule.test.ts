import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_NAME } from '../../src/github-app/jobs/bull-work-queue.js';
import { NIGHTLY_SCHEDULER_ID, syncNightlySchedule } from '../../src/github-app/jobs/sync-nightly-schedule.js';
import { REDIS_AVAILABLE, TEST_REDIS_URL, dropRedisPrefix, newRedisPrefix } from '../support/test-redis.js';

const opened: Queue[] = [];
const prefixes: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
  await Promise.all(prefixes.splice(0).map(dropRedisPrefix));
});

/** The queue as one process of a deployment opens it. */
function replica(prefix: string): Queue {
  const queue = new Queue(QUEUE_NAME, { connection: { url: TEST_REDIS_URL }, prefix });
  opened.push(queue);
  return queue;
}

describe.runIf(REDIS_AVAILABLE)('the nightly schedule with a queue', () => {
  it('is one job scheduler per deployment however many replicas start, firing one fan-out per tick', async () => {
    const prefix = newRedisPrefix();
    prefixes.push(prefix);
    const replicas = [replica(prefix), replica(prefix), replica(prefix)];
    const schedule = { cron: '0 3 * * *', timezone: 'Europe/Berlin' };
    await Promise.all(replicas.map((queue) => syncNightlySchedule(queue, schedule)));

    const [only, ...others] = await replicas[0]!.getJobSchedulers();
    expect(others).toEqual([]);
    expect(only).toMatchObject({ key: NIGHTLY_SCHEDULER_ID, pattern: '0 3 * * *', tz: 'Europe/Berlin', template: { data: { kind: 'nightly-pass', trigger: 'schedule' } } });
    // The next tick's fan-out, waiting for 03:00 in Berlin (01:00 or 02:00 UTC).
    const next = await replicas[1]!.getDelayed();
    expect(next.map((job) => job.name)).toEqual(['nightly-pass']);
    const at = new Date(next[0]!.timestamp + next[0]!.delay);
    expect([1, 2]).toContain(at.getUTCHours());
    expect(at.getTime()).toBeGreaterThan(Date.now());

    // A replica started with a new schedule moves it; LINKMEDIC_CRON=off takes it away.
    await syncNightlySchedule(replicas[2]!, { cron: '30 1 * * 1', timezone: 'UTC' });
    expect((await replicas[0]!.getJobSchedulers()).map((s) => [s.key, s.pattern, s.tz])).toEqual([[NIGHTLY_SCHEDULER_ID, '30 1 * * 1', 'UTC']]);
    expect((await replicas[0]!.getDelayed()).length).toBe(1);
    await syncNightlySchedule(replicas[1]!, { cron: 'off', timezone: 'UTC' });
    expect(await replicas[0]!.getJobSchedulers()).toEqual([]);
    expect(await replicas[0]!.getDelayed()).toEqual([]);
  });
});
