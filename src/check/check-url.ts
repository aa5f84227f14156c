import type { CheckContext, Tally } from './check-context.js';
import type { CheckResult } from './check-result.js';
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
  const base = { url: input, redirects: chain.hops, elapsedMs, method, attempts: tally.requests };
  const finalUrl = chain.hops.length > 0 ? { finalUrl: chain.finalUrl.href } : {};
  switch (chain.kind) {
    case 'response': {
      const judged = classifyResponse(start, chain.finalUrl, chain.hops, chain.response, fragment);
      return { result: { ...base, ...finalUrl, ...verdictOf(judged.reason), detail: judged.detail, httpStatus: chain.response.status, ...(judged.suggestion ? { suggestion: judged.suggestion } : {}) } };
    }
    case 'error':
      return {
        result: { ...base, ...finalUrl, ...verdictOf(chain.error.reason), detail: chain.error.detail },
        ...(chain.error.environment ? { environment: chain.error.environment } : {}),
      };
    case 'deferred':
      return {
        result: { ...base, ...finalUrl, ...verdictOf('rate_limit_deferred'), detail: `the host asked to wait ${Math.ceil(chain.waitMs / 1000)} s, over the ${ctx.options.retryAfterCapMs / 1000} s cap; deferred to the next run` },
        deferredUntil: chain.until,
      };
    case 'broken':
      return { result: { ...base, ...finalUrl, ...verdictOf(chain.reason), detail: chain.detail } };
  }
}

/** HEAD decides only with a 2xx, a wait over the cap, or a failure GET would repeat. */
function headIsFinal(chain: ChainOutcome): boolean {
  if (chain.kind === 'response') return chain.response.status >= 200 && chain.response.status < 300;
  if (chain.kind === 'error') return chain.error.finalAfterHead;
  return chain.kind === 'deferred';
}

function verdictOf(reason: CheckReason): Pick<CheckResult, 'verdict' | 'reason'> {
  return { verdict: CHECK_REASONS[reason][0], reason };
}
