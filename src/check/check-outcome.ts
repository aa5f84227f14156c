import type { CheckResult } from './check-result.js';

/**
 * What every later stage keeps of a check: the verdict, why, and the fix it suggests. History,
 * the JSON report and the history report all carry these members under these names.
 */
export type CheckOutcome = Pick<CheckResult, 'url' | 'verdict' | 'reason' | 'detail' | 'httpStatus' | 'finalUrl' | 'suggestion'>;

/** Exactly those members, with absent optional ones left out so JSON documents stay minimal. */
export function checkOutcomeOf(result: CheckOutcome): CheckOutcome {
  return {
    url: result.url,
    verdict: result.verdict,
    reason: result.reason,
    detail: result.detail,
    ...(result.httpStatus !== undefined && { httpStatus: result.httpStatus }),
    ...(result.finalUrl && { finalUrl: result.finalUrl }),
    ...(result.suggestion && { suggestion: result.suggestion }),
  };
}
