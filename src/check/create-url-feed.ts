import { LinkmedicError } from '../errors.js';

/** URLs handed to `checkUrls` while they are still being found; read once, by one run. */
export interface UrlFeed extends AsyncIterable<string> {
  /** Adds a URL; its check may start before `push` returns to the caller's next line. */
  push(url: string): void;
  /** No more URLs: the run finishes what it has. With an error, the run rejects with it. */
  end(error?: unknown): void;
}

/**
 * A push-style source for `checkUrls`: extraction pushes each URL as it finds one, so the first
 * request leaves before the last line is parsed. URLs pushed between two reads are taken in
 * one go, so a fast producer costs one wake-up per batch, not one per URL.
 */
export function createUrlFeed(): UrlFeed {
  let queue: string[] = [];
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  return {
    push(url) {
      if (ended) throw new LinkmedicError('INTERNAL', `a URL was pushed after the feed ended: ${url}`);
      queue.push(url);
      notify();
    },
    end(error) {
      if (ended) return;
      ended = true;
      if (error !== undefined) failure = { error };
      notify();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (queue.length > 0) {
          const batch = queue;
          queue = [];
          yield* batch;
          continue;
        }
        if (failure) throw failure.error;
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
