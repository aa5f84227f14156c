import type { TimelinePoint } from './timeline-point.js';

/** What one result says about a link's failure streak. */
export type Evidence =
  /** Alive or redirected: the link works. Ends the streak, in any run. */
  | 'alive'
  /** Restricted: the host answered that the target exists behind a login. Ends the streak; not alive. */
  | 'exists'
  /** A failing verdict in a conclusive run: extends the streak. */
  | 'failure'
  /**
   * Says nothing about the target, so the streak neither grows nor ends: `skipped`, `blocked`
   * (a bot wall hid the target), `rate_limited` (not asked), and any failure in an inconclusive run
   * (the checker, not the link, was cut off).
   */
  | 'none';

// A switch rather than set lookups so that a new verdict fails to compile until it is placed here.
export function evidenceOf({ verdict, conclusive }: Pick<TimelinePoint, 'verdict' | 'conclusive'>): Evidence {
  switch (verdict) {
    case 'alive':
    case 'redirected':
      return 'alive';
    case 'restricted':
      return 'exists';
    case 'dead':
    case 'server_error':
    case 'timeout':
    case 'network_error':
    case 'tls_error':
    case 'malformed':
      return conclusive ? 'failure' : 'none';
    case 'blocked':
    case 'rate_limited':
    case 'skipped':
      return 'none';
    default:
      return verdict satisfies never;
  }
}
