import type { Verdict } from '../../check/verdict.js';

/** What the pull request check makes of an added link's verdict. */
export type LinkJudgement =
  /** The link is broken (dead or unusable as written): the check fails. */
  | 'broken'
  /** A human must look (login, bot wall, rate limit, or a failure that may pass): the check is neutral. */
  | 'needs_look'
  /** Works, but through a permanent redirect: a notice suggests the new URL. */
  | 'moved'
  /** Works, or was left unchecked on purpose (excluded, not HTTP). */
  | 'fine';

/**
 * One run is all a pull request gets, so only verdicts that do not pass with time fail it;
 * timeouts and 5xx answers may be the moment's, and ask for a look instead.
 */
export function judgeAddedLink(verdict: Verdict): LinkJudgement {
  switch (verdict) {
    case 'dead':
    case 'malformed':
      return 'broken';
    case 'restricted':
    case 'blocked':
    case 'rate_limited':
    case 'timeout':
    case 'server_error':
    case 'network_error':
    case 'tls_error':
      return 'needs_look';
    case 'redirected':
      return 'moved';
    case 'alive':
    case 'skipped':
      return 'fine';
    default:
      return verdict satisfies never;
  }
}
