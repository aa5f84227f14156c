import type { CheckContext, Tally } from './check-context.js';
import type { CheckResult, Suggestion } from './check-result.js';
import { CHECK_REASONS, type CheckReason } from './check-reason.js';
import type { ErrorClassification } from './classify-error.js';
import { classifyResponse } from './classify-response.js';
import { followRedirects, type ChainOutcome } from './follow-redirects.js';
import { hostPolicyFor } from './host-policy-for.js';

/** A result plus what the run needs to know about it (not part of the report). */
export interface UrlCheck {
  result: CheckResult;
  /** Set when the failure points at the checker's network (see classify-error.ts). */
  environment?: ErrorClassification['environment'];
  /** Set when the host asked for a wait over the cap: retried at the end of the run. */
  deferredUntil?: number;
}

/**
 * Checks one http(s) URL: HEAD first where the host allows it, and GET whenever HEAD did not end
 * in a 2xx (servers answer HEAD with 403/404/405 or reset it while GET works). A HEAD timeout is
 * final: a GET would only wait as long again. The fragment is never sent.
 */
export async function checkUrl(input: string, target: URL, ctx: CheckContext): Promise<UrlCheck> {
  const fragment = target.hash;
  const start = new URL(target.href);
  start.hash = '';
  const tally: Tally = { requests: 0 };
  let chain: ChainOutcome | undefined;
  let method: 'HEAD' | 'GET' = 'HEAD';
  if (hostPolicyFor(start.hostname, ctx.options).headFirst) {
    chain = await followRedirects(start, 'HEAD', ctx, tally);
    if (!headIsFinal(chain)) chain = undefined;
  }
  if (!chain) {
    method = 'GET';
    chain = await followRedirects(start, 'GET', ctx, tally);
  }
  const elapsedMs = tally.startedAt === undefined ? 0 : ctx.clock.now() - tally.startedAt;
  const judged: { reason: CheckReason; detail: string; suggestion?: Suggestion } =
    chain.kind === 'response' ? classifyResponse(start, chain.finalUrl, chain.hops, chain.response, fragment)
    : chain.kind === 'error' ? chain.error
    : chain.kind === 'deferred'
      ? { reason: 'rate_limit_deferred', detail: `the host asked to wait ${Math.ceil(chain.waitMs / 1000)} s, over the ${ctx.options.retryAfterCapMs / 1000} s cap; deferred to the next run` }
      : chain;
  // Optional fields set one by one rather than spread in: this runs 10,000 times a run.
  const result: CheckResult = {
    url: input,
    verdict: CHECK_REASONS[judged.reason][0],
    reason: judged.reason,
    detail: judged.detail,
    redirects: chain.hops,
    elapsedMs,
    method,
    attempts: tally.requests,
  };
  if (chain.hops.length > 0) result.finalUrl = chain.finalUrl.href;
  if (chain.kind === 'response') result.httpStatus = chain.response.status;
  if (judged.suggestion) result.suggestion = judged.suggestion;
  if (chain.kind === 'error' && chain.error.environment) return { result, environment: chain.error.environment };
  if (chain.kind === 'deferred') return { result, deferredUntil: chain.until };
  return { result };
}

/** HEAD decides only with a 2xx, a wait over the cap, or a failure GET would repeat. */
function headIsFinal(chain: ChainOutcome): boolean {
  if (chain.kind === 'response') return chain.response.status >= 200 && chain.response.status < 300;
  if (chain.kind === 'error') return chain.error.finalAfterHead;
  return chain.kind === 'deferred';
}
