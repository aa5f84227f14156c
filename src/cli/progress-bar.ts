import cliProgress from 'cli-progress';
import type { CheckProgress } from '../check/check-run.js';
import type { CliIo } from './cli-io.js';

export interface ProgressBar {
  onProgress: (progress: CheckProgress) => void;
  /** Draws the final state and clears the line, so the report starts on a clean terminal. */
  stop: () => void;
}

/** Hosts shown as "waiting on": the ones with requests in flight for the longest. */
const SHOWN_HOSTS = 3;

/**
 * A progress line on stderr (links done / total, rate, the hosts kept waiting longest), only
 * when a person watches: stderr is a terminal and this is not CI. Piped or in CI it is undefined,
 * and nothing of it reaches the output.
 */
export function startProgressBar(io: CliIo, now: () => number = Date.now): ProgressBar | undefined {
  if (io.stderr.isTTY !== true || io.env.CI) return undefined;
  const bar = new cliProgress.SingleBar({
    stream: io.stderr,
    format: 'checking {bar} {value}/{total} links | {rate}/s{waiting}',
    barsize: 24,
    hideCursor: true,
    clearOnComplete: true,
    gracefulExit: true,
    linewrap: false,
  }, cliProgress.Presets.shades_classic);
  const busySince = new Map<string, number>();
  let startedAt: number | undefined;
  let running = false;

  const payload = ({ done, inFlightByHost }: CheckProgress) => {
    const time = now();
    for (const host of busySince.keys()) if (!inFlightByHost[host]) busySince.delete(host);
    for (const [host, count] of Object.entries(inFlightByHost)) if (count > 0 && !busySince.has(host)) busySince.set(host, time);
    const slowest = [...busySince].sort((a, b) => a[1] - b[1]).slice(0, SHOWN_HOSTS);
    const seconds = Math.max((time - (startedAt ?? time)) / 1000, 0.001);
    return {
      rate: (done / seconds).toFixed(1),
      waiting: slowest.length ? ` | waiting on ${slowest.map(([host, since]) => `${host} ${Math.round((time - since) / 1000)}s`).join(', ')}` : '',
    };
  };

  return {
    onProgress(progress) {
      if (!running) {
        startedAt = now();
        running = true;
        bar.start(progress.total, progress.done, payload(progress));
        return;
      }
      bar.setTotal(progress.total);
      bar.update(progress.done, payload(progress));
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
