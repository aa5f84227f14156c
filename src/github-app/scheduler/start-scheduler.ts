import { schedule as cronSchedule, type ScheduledTask, type TaskOptions } from 'node-cron';

export interface SchedulerOptions {
  /** `LINKMEDIC_CRON`, e.g. `0 3 * * *`. */
  cron: string;
  /** `LINKMEDIC_TZ`, an IANA zone the expression is read in. */
  timezone: string;
  /** The pass; a tick that finds the previous one still running is skipped, not queued. */
  run: () => Promise<unknown>;
  log: { info: (message: string) => void; warn: (message: string) => void; error: (object: unknown, message: string) => void };
  /** node-cron's `schedule` (tests pass one they can tick by hand). */
  schedule?: (expression: string, task: () => Promise<void>, options: TaskOptions) => Pick<ScheduledTask, 'stop' | 'getNextRun'>;
}

export interface Scheduler {
  nextRun(): Date | null;
  /** Stops ticking; resolves when a pass in progress has ended. */
  stop(): Promise<void>;
}

/** The nightly pass on a cron schedule inside the app process, never two at once. */
export function startScheduler(options: SchedulerOptions): Scheduler {
  let running: Promise<void> | undefined;
  const tick = async (): Promise<void> => {
    if (running) {
      options.log.warn('the previous nightly pass is still running: this tick is skipped');
      return;
    }
    running = options
      .run()
      .then(() => undefined)
      .catch((error: unknown) => options.log.error({ err: error }, 'nightly pass failed; the next tick resumes it'))
      .finally(() => {
        running = undefined;
      });
    await running;
  };
  const task = (options.schedule ?? cronSchedule)(options.cron, tick, { timezone: options.timezone, noOverlap: true, name: 'linkmedic-nightly' });
  options.log.info(`nightly pass scheduled: "${options.cron}" (${options.timezone}), next at ${task.getNextRun()?.toISOString() ?? 'never'}`);
  return {
    nextRun: () => task.getNextRun(),
    stop: async () => {
      await task.stop();
      await running;
    },
  };
}
