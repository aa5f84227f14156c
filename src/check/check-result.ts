import type { Verdict } from './verdict.js';

/** One hop of a redirect chain, in the order followed. `location` is absolute (resolved). */
export interface RedirectHop {
  status: number;
  location: string;
}

export type SuggestionKind =
  /** The chain had a 301/308 and ended alive: replace with the final URL. */
  | 'permanent_redirect'
  /** The GitHub / Hugging Face API says the repository was renamed or transferred. */
  | 'repo_rename'
  /** A corrected markdown form of the URL (escapes removed, split URL joined) is alive. */
  | 'markdown_fix'
  /** The closest Wayback Machine snapshot of a dead link. */
  | 'archive'
  /** A plain `http://` link whose `https://` form answers with the same page. */
  | 'https_upgrade';

const KINDS: Record<SuggestionKind, true> = { permanent_redirect: true, repo_rename: true, markdown_fix: true, archive: true, https_upgrade: true };

/** Every suggestion kind, for schemas that validate them (history keeps the kind as text). */
export const SUGGESTION_KIND_NAMES = Object.keys(KINDS) as SuggestionKind[];

export interface Suggestion {
  url: string;
  kind: SuggestionKind;
}

/** Stage 2 output: the verdict for one distinct URL (occurrences are attached by the pipeline). */
export interface CheckResult {
  url: string;
  verdict: Verdict;
  /** Stable machine reason, e.g. `http_404`, `dns_not_found`, `soft_404`, `private_address`. */
  reason: string;
  /** One human sentence: what happened. */
  detail: string;
  httpStatus?: number;
  finalUrl?: string;
  redirects: RedirectHop[];
  suggestion?: Suggestion;
  elapsedMs: number;
  /** HTTP checks only: the method whose answer decided the verdict (HEAD, or GET after a non-2xx HEAD). */
  method?: 'HEAD' | 'GET';
  /** HTTP checks only: requests made for this URL, every hop, method and retry counted. */
  attempts?: number;
}
