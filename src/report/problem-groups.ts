import type { SuggestionKind } from '../check/check-result.js';
import type { Verdict } from '../check/verdict.js';

/** How a verdict reads to a maintainer; renderers colour and group by it. */
export type VerdictTone =
  /** Works: alive, or alive through temporary redirects. */
  | 'ok'
  /** Works, but the catalog should point somewhere else (a fix is proposed). */
  | 'moved'
  /** Needs a human: a login, a bot wall or a rate limit hides the target; never dead. */
  | 'human'
  /** A reader who clicks it gets nothing useful. */
  | 'failing'
  /** Not judged: excluded, non-HTTP, or the checker was offline. */
  | 'skipped';

export function toneOf(verdict: Verdict): VerdictTone {
  switch (verdict) {
    case 'alive':
      return 'ok';
    case 'redirected':
      return 'moved';
    case 'restricted':
    case 'blocked':
    case 'rate_limited':
      return 'human';
    case 'dead':
    case 'server_error':
    case 'timeout':
    case 'network_error':
    case 'tls_error':
    case 'malformed':
      return 'failing';
    case 'skipped':
      return 'skipped';
    default:
      return verdict satisfies never;
  }
}

export interface ProblemGroup {
  title: string;
  verdicts: readonly Verdict[];
}

/** Problem groups in the order a maintainer should act on them. */
export const PROBLEM_GROUPS: readonly ProblemGroup[] = [
  { title: 'Dead', verdicts: ['dead'] },
  { title: 'Failing (may be temporary)', verdicts: ['server_error', 'timeout', 'network_error', 'tls_error', 'malformed'] },
  { title: 'Needs a human (not dead: login, bot wall or rate limit)', verdicts: ['restricted', 'blocked', 'rate_limited'] },
  { title: 'Moved (a fix is proposed)', verdicts: ['redirected'] },
];

/** Position of a verdict in `PROBLEM_GROUPS` order; alive and skipped last. */
export const problemRank = (verdict: Verdict): number => {
  const index = PROBLEM_GROUPS.findIndex((group) => group.verdicts.includes(verdict));
  return index === -1 ? PROBLEM_GROUPS.length : index;
};

/** Listed after the problem groups: alive links whose one flaw is plain http (a fix is proposed). */
export const HTTPS_UPGRADE_TITLE = 'Plain http, the same page answers over https';

/** An alive link with an `https_upgrade` suggestion: works, but readers should get the https page. */
export const isHttpsUpgradeOnly = (link: { verdict: Verdict; suggestion?: { kind: SuggestionKind } }): boolean =>
  link.verdict === 'alive' && link.suggestion?.kind === 'https_upgrade';
