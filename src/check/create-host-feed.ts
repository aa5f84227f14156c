export interface HostFeed<T> {
  /** Queues `item` for its host; it starts at once if the host has a free lane. */
  push(host: string, item: T): void;
  /** Resolves once every item pushed so far (and any pushed meanwhile) has been worked. */
  drained(): Promise<void>;
  /** Starts no further items; `drained` then waits only for the ones under way. */
  stop(): void;
}

interface Lane<T> {
  items: T[];
  next: number;
  running: number;
}

/**
 * Works items grouped by host, at most `width(host)` at a time per host, every host at once,
 * as they arrive. Starting all URL checks together would hold a pending chain per URL for the
 * whole run (10,000 links: hundreds of MB); lanes per host keep the live set proportional to
 * the caps while every host still has work queued the moment a request slot frees up. A
 * finished item is dropped from its lane, so a long run does not keep what it has done.
 */
export function createHostFeed<T>(width: (host: string) => number, work: (item: T) => Promise<void>): HostFeed<T> {
  const lanes = new Map<string, Lane<T>>();
  let running = 0;
  let failure: { error: unknown } | undefined;
  let stopped = false;
  let wakeDrained: (() => void) | undefined;

  const worker = async (lane: Lane<T>) => {
    try {
      while (lane.next < lane.items.length && !failure && !stopped) {
        const item = lane.items[lane.next]!;
        // Drop the worked item, and compact now and then, so the backlog holds only what is left.
        (lane.items as Array<T | undefined>)[lane.next++] = undefined;
        if (lane.next > 1024 && lane.next * 2 > lane.items.length) {
          lane.items.splice(0, lane.next);
          lane.next = 0;
        }
        await work(item);
      }
    } catch (error) {
      failure ??= { error };
    } finally {
      lane.running--;
      if (--running === 0) wakeDrained?.();
    }
  };

  return {
    push(host, item) {
      let lane = lanes.get(host);
      if (!lane) lanes.set(host, (lane = { items: [], next: 0, running: 0 }));
      lane.items.push(item);
      if (!stopped && lane.running < Math.max(1, width(host))) {
        lane.running++;
        running++;
        void worker(lane);
      }
    },
    async drained() {
      while (running > 0) await new Promise<void>((resolve) => (wakeDrained = resolve));
      wakeDrained = undefined;
      if (failure) throw failure.error;
    },
    stop() {
      stopped = true;
    },
  };
}
