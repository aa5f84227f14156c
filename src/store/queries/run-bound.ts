/** The last run a query may see, inclusive: "history as it stood after run `id`". */
export interface RunBound {
  startedAt: number;
  id: number;
}

export const NO_BOUND: RunBound = { startedAt: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
