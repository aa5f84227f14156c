import type { CliIo } from './cli-io.js';

type Signal = 'SIGINT' | 'SIGTERM';

/** Resolves on the next SIGINT or SIGTERM (what `docker stop` and systemd send). */
export const untilSignal = (): Promise<Signal> =>
  new Promise((resolve) => {
    const done = (signal: Signal) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });

/**
 * A long-running command's end: on the first signal it stops gracefully (running work finishes);
 * a second signal while it waits hands running jobs back to the queue and ends the process at once.
 */
export async function stopOnSignal(io: CliIo, app: { stop(): Promise<void>; handBack(): Promise<void> }, stopping: (signal: Signal) => string): Promise<void> {
  const signal = await untilSignal();
  io.stderr.write(`linkmedic: ${stopping(signal)}\n`);
  const stopped = app.stop().then(() => 'stopped' as const);
  const again = untilSignal().then(() => 'again' as const);
  if ((await Promise.race([stopped, again])) === 'stopped') return;
  io.stderr.write('linkmedic: stopping now: running jobs go back to the queue for another worker\n');
  await app.handBack();
  io.exit?.(0);
}
