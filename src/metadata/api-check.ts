import type { CheckResult } from '../check/check-result.js';

/**
 * What a metadata provider (GitHub, Hugging Face) could say about one link. The pipeline merges
 * `verified` results as the link's check result and sends `unverified` links to the HTTP checker
 * (or reports them as not checked): an API failure never turns a link dead.
 */
export type ApiOutcome =
  /** The API answered for this repository: `result` holds the link's verdict, `facts` what it said. */
  | 'verified'
  /** The API could not answer for this link; `reason` says why. */
  | 'unverified';

export const UNVERIFIED_REASONS = {
  no_token: 'No API token is configured and this API refuses anonymous calls.',
  api_unauthorized: 'The API rejected the token (401).',
  api_rate_limited: 'The API budget ran out and did not reset within the wait cap.',
  api_unavailable: 'The API kept failing (5xx, timeout, network error) after retries and smaller batches.',
  api_unexpected_response: 'The API answered something this version cannot read.',
  not_a_repository_url: 'The URL is not a repository link this provider understands.',
  ambiguous_url: 'The path may name a repository or a user/organisation page; the API cannot tell which.',
} as const;

/** Why an API could not vouch for a link (closed set, documented in `UNVERIFIED_REASONS`). */
export type UnverifiedReason = keyof typeof UNVERIFIED_REASONS;

export interface VerifiedCheck<F> {
  outcome: 'verified';
  url: string;
  result: CheckResult;
  /** Present whenever the API returned the repository (alive, renamed, archived, private, disabled). */
  facts?: F;
}

export interface UnverifiedCheck {
  outcome: 'unverified';
  url: string;
  reason: UnverifiedReason;
  detail: string;
}

export type ApiCheck<F> = VerifiedCheck<F> | UnverifiedCheck;
