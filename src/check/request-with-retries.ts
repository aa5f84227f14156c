import type { CheckContext, Tally } from './check-context.js';
import { classifyError, type ErrorClassification } from './classify-error.js';
import { detectBotWall } from './detect-bot-wall.js';
import { HostDeferredError } from './host-scheduler.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { sendProbe, type ProbeMethod, type ProbeResponse } from './send-probe.js';

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
    const deferredUntil = scheduler.deferredUntilFor(host);
    if (deferredUntil > clock.now()) return { kind: 'deferred', until: deferredUntil, waitMs: deferredUntil - clock.now() };

    let response: ProbeResponse;
    try {
      response = await scheduler.run(host, () => timed(() => sendProbe(url, method, cookie, ctx.probe), ctx, tally));
    } catch (error) {
      if (error instanceof HostDeferredError) {
        return { kind: 'deferred', until: error.until, waitMs: error.until - clock.now() };
      }
      const classified = classifyError(error, ctx.proxies);
      if (method === 'GET' && classified.retriable && failures < options.retries) {
        await clock.sleep(backoff(++failures, ctx));
        continue;
      }
      return { kind: 'error', error: classified };
    }

    const retryAfter = response.headers['retry-after'];
    const isBotWall = detectBotWall(response.status, response.headers, response.body) !== undefined;
    if (response.status === 429 || (response.status === 503 && retryAfter !== undefined && !isBotWall)) {
      const waitMs = parseRetryAfter(retryAfter, clock.now()) ?? backoff(rateLimits + 1, ctx);
      if (waitMs > options.retryAfterCapMs) {
        scheduler.defer(host, clock.now() + waitMs);
        return { kind: 'deferred', until: clock.now() + waitMs, waitMs };
      }
      // Hold the host, but let GET do the waiting: a HEAD answer other than 2xx is never final.
      if (method === 'HEAD') {
        scheduler.block(host, clock.now() + waitMs);
        return { kind: 'response', response };
      }
      if (rateLimits < options.rateLimitRetries) {
        rateLimits++;
        scheduler.block(host, clock.now() + waitMs);
        continue;
      }
      return { kind: 'response', response };
    }
    if (method === 'GET' && response.status >= 500 && response.status < 600 && !isBotWall && failures < options.retries) {
      await clock.sleep(backoff(++failures, ctx));
      continue;
    }
    return { kind: 'response', response };
  }
}

/** 1×, 2×, 4× … the base step, plus up to one more base step of jitter. */
function backoff(attempt: number, ctx: CheckContext): number {
  const base = ctx.options.backoffMs;
  return base * 2 ** (attempt - 1) + Math.floor(ctx.random() * base);
}

function timed<T>(task: () => Promise<T>, ctx: CheckContext, tally: Tally): Promise<T> {
  tally.startedAt ??= ctx.clock.now();
  ctx.counters.requests++;
  tally.requests++;
  return task();
}
