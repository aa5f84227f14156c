import type { LinkState } from '../store/link-state.js';

/** A link's standing from history, as the JSON and history reports show it. */
export interface HistorySummary {
  consecutiveFailures: number;
  firstFailedAt?: string;
  lastAliveAt?: string;
  confirmedDead: boolean;
}

export function historySummaryOf(state: LinkState | undefined): HistorySummary {
  return {
    consecutiveFailures: state?.consecutiveFailures ?? 0,
    ...(state?.firstFailedAt && { firstFailedAt: state.firstFailedAt.toISOString() }),
    ...(state?.lastAliveAt && { lastAliveAt: state.lastAliveAt.toISOString() }),
    confirmedDead: state?.confirmedDead ?? false,
  };
}
