/** Jobs a worker runs at once unless told otherwise: one slot stays free for webhook work while a nightly run takes minutes. */
export const DEFAULT_WORKER_CONCURRENCY = 2;
