import type { Verdict } from '../check/verdict.js';
import type { TimelinePoint } from './timeline-point.js';

/** A URL's standing derived from its history in one catalog (see `deriveLinkState` for the rules). */
export interface LinkState {
  url: string;
  /** Failures in the current streak; 0 when the link has not failed since it last answered. */
  consecutiveFailures: number;
  /** Start of the run that began the current failure streak. */
  firstFailedAt?: Date;
  /** Start of the latest run in which the link was alive or redirected. */
  lastAliveAt?: Date;
  /** The latest recorded verdict, whatever the run (absent for a URL history has never seen). */
  lastVerdict?: Verdict;
  lastReason?: string;
  /** The latest results, oldest first (at most `RECENT_RESULTS`), for "the last nights" displays. */
  recent: TimelinePoint[];
  /** The streak meets the dead rules: the link is dead, not flaky. */
  confirmedDead: boolean;
}

export const RECENT_RESULTS = 10;
