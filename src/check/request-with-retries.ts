import type { CheckContext, Tally } from './check-context.js';
import { classifyError, type ErrorClassification } from './classify-error.js';
import { detectBotWall } from './detect-bot-wall.js';
import { HostDeferredError, HostFailedError } from './host-scheduler.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { sendProbe, type ProbeMethod, type ProbeResponse } from './send-probe.js';

/** What one request in its slot came back with. */
type Answer = { response: ProbeResponse; waitMs: number | undefined } | { error: ErrorClassification; retry: boolean };

export type HopOutcome =
  | { kind: 'response'; response: ProbeResponse }
  | { kind: 'error'; error: ErrorClassification }
  /** The host asked for a wait over the cap: come back at the end of the run. */
  | { kind: 'deferred'; until: number; waitMs: number };

/**
 * One hop, with the waits and retries a polite checker owes: 429 (and 503 with Retry-After)
 * hold the whole host as long as asked, up to the cap; 5xx and transient network failures are
 * retried with exponential backoff and jitter. Only GET waits and retries: a HEAD that fails
 * falls back to GET, which then meets the host's wait.
 */
export async function requestWithRetries(
  url: URL,
  method: ProbeMethod,
  cookie: string,
  ctx: CheckContext,
  tally: Tally,
): Promise<HopOutcome> {
  const { options, scheduler, clock } = ctx;
  const host = url.hostname;
  let failures = 0;
  let rateLimits = 0;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) ctx.counters.retries++;
    const unreachable = scheduler.failureFor(host);
    if (unreachable) return { kind: 'error', error: unreachable };
    const deferredUntil = scheduler.deferredUntilFor(host);
    if (deferredUntil > clock.now()) return { kind: 'deferred', until: deferredUntil, waitMs: deferredUntil - clock.now() };

    let answer: Answer;
    try {
      answer = await scheduler.run(host, async (): Promise<Answer> => {
        ctx.counters.requests++;
        tally.requests++;
        tally.startedAt ??= clock.now();
        let response: ProbeResponse;
        try {
          response = await sendProbe(url, method, cookie, ctx.probe);
        } catch (error) {
          const classified = classifyError(error, ctx.proxies);
          const retry = method === 'GET' && classified.retriable && failures < options.retries;
          // Final for the host too: NXDOMAIN at once; other environment failures once GET gave
          // up. Marked before the slot is released, so no queued request to the host slips out.
          if (!retry && classified.environment && (method === 'GET' || !classified.retriable)) scheduler.failHost(host, classified);
          return { error: classified, retry };
        }
        // Hold or defer the host before its slot is released, for the same reason.
        const wait = hostWait(response, ctx, rateLimits);
        if (wait !== undefined) {
          if (wait > options.retryAfterCapMs) scheduler.defer(host, clock.now() + wait);
          else scheduler.block(host, clock.now() + wait);
        }
        return { response, waitMs: wait };
      });
    } catch (error) {
      if (error instanceof HostDeferredError) {
        return { kind: 'deferred', until: error.until, waitMs: error.until - clock.now() };
      }
      if (error instanceof HostFailedError) return { kind: 'error', error: error.failure };
      throw error;
    }
    if ('error' in answer) {
      if (!answer.retry) return { kind: 'error', error: answer.error };
      await clock.sleep(backoff(++failures, ctx));
      continue;
    }
    const { response, waitMs } = answer;

    if (waitMs !== undefined) {
      if (waitMs > options.retryAfterCapMs) return { kind: 'deferred', until: clock.now() + waitMs, waitMs };
      // A HEAD answer other than 2xx is never final: GET meets the host's wait and retries.
      if (method === 'GET' && rateLimits < options.rateLimitRetries) {
        rateLimits++;
        continue;
      }
      return { kind: 'response', response };
    }
    const isBotWall = detectBotWall(response.status, response.headers, response.body) !== undefined;
    if (method === 'GET' && response.status >= 500 && response.status < 600 && !isBotWall && failures < options.retries) {
      await clock.sleep(backoff(++failures, ctx));
      continue;
    }
    return { kind: 'response', response };
  }
}

/** How long a rate-limited answer (429, or 503 with Retry-After) asks the host to be left alone. */
function hostWait(response: ProbeResponse, ctx: CheckContext, rateLimits: number): number | undefined {
  const retryAfter = response.headers['retry-after'];
  const limited =
    response.status === 429 ||
    (response.status === 503 && retryAfter !== undefined && !detectBotWall(503, response.headers, response.body));
  if (!limited) return undefined;
  return parseRetryAfter(retryAfter, ctx.clock.now()) ?? backoff(rateLimits + 1, ctx);
}

/** 1×, 2×, 4× … the base step, plus up to one more base step of jitter. */
function backoff(attempt: number, ctx: CheckContext): number {
  const base = ctx.options.backoffMs;
  return base * 2 ** (attempt - 1) + Math.floor(ctx.random() * base);
}
