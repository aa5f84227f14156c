import type { CheckResult, Suggestion } from '../check/check-result.js';
import type { Verdict } from '../check/verdict.js';
import type { RepoReason } from './repo-reason.js';
import type { VerifiedCheck } from './api-check.js';

export interface RepoResultInput<F> {
  url: string;
  verdict: Verdict;
  reason: RepoReason;
  detail: string;
  facts?: F;
  suggestion?: Suggestion;
  httpStatus?: number;
  elapsedMs?: number;
}

/** A verified API answer shaped as the check stage's `CheckResult`, so the pipeline merges it as is. */
export function repoResult<F>(input: RepoResultInput<F>): VerifiedCheck<F> {
  const result: CheckResult = {
    url: input.url,
    verdict: input.verdict,
    reason: input.reason,
    detail: input.detail,
    redirects: [],
    elapsedMs: input.elapsedMs ?? 0,
  };
  if (input.httpStatus !== undefined) result.httpStatus = input.httpStatus;
  if (input.suggestion) result.suggestion = input.suggestion;
  const check: VerifiedCheck<F> = { outcome: 'verified', url: input.url, result };
  if (input.facts !== undefined) check.facts = input.facts;
  return check;
}
