import { z } from 'zod';
import { LinkmedicError } from '../errors.js';
import { createHttpClient } from '../http/create-http-client.js';
import type { HttpClient } from '../http/http-client.js';
import { checkLocalFile } from './check-local-file.js';
import { checkOptionsSchema, type CheckOptions } from './check-options.js';
import type { CheckResult } from './check-result.js';
import type { CheckRun, CheckStats } from './check-run.js';
import type { CheckContext } from './check-context.js';
import { checkUrl, type UrlCheck } from './check-url.js';
import { isGoogleDriveHost } from './classify-google.js';
import { createHostFeed } from './create-host-feed.js';
import { hostPolicyFor } from './host-policy-for.js';
import { HostScheduler, type Clock } from './host-scheduler.js';
import { judgeOffline } from './judge-offline.js';
import { resolveTimeouts } from './resolve-timeouts.js';
import { probeHeaders } from './send-probe.js';
import { triageUrl } from './triage-url.js';
import { VERDICT_NAMES } from './verdict.js';

/** The outside world of a check run; production defaults when omitted. */
export interface CheckDeps {
  /** The shared HTTP client. Default: a client built from the environment, closed after the run. */
  http?: HttpClient;
  /** Milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Waits of the checker itself (Retry-After, backoff). Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): backoff jitter. Default `Math.random`. */
  random?: () => number;
}

/**
 * The URLs of a run: a list, or a stream read as the catalog is being extracted (an async
 * generator, or `createUrlFeed()`), so the first request can leave before the last line is
 * parsed. Duplicates are checked once either way.
 */
export type UrlSource = Iterable<string> | AsyncIterable<string>;

/**
 * Stage 2: checks each distinct URL once and gives each a verdict. URLs that differ only by
 * fragment share one set of requests. If the checker's own network is down, the run is
 * inconclusive and those failures become `skipped` / `checker_offline` instead of dead links.
 * Requests start as URLs arrive; results are keyed in the order the URLs first arrived.
 */
export async function checkUrls(urls: UrlSource, options: CheckOptions = {}, deps: CheckDeps = {}): Promise<CheckRun> {
  const parsed = checkOptionsSchema.safeParse(options);
  if (!parsed.success) throw new LinkmedicError('CONFIG_INVALID', `invalid check options: ${z.prettifyError(parsed.error)}`);
  const config = parsed.data;
  const timeouts = resolveTimeouts(config.timeoutMs);
  const http = deps.http ?? createHttpClient({ connectTimeoutMs: timeouts.connect });
  const clock: Clock = {
    now: deps.now ?? Date.now,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
  // A list is counted before the first request, so progress shows its total from the start.
  const listed = Symbol.asyncIterator in urls ? undefined : [...new Set(urls)];
  const inputs = listed ?? [];
  const started = clock.now();
  let done = 0;
  const progress = () => config.onProgress?.({ done, total: inputs.length, inFlightByHost: scheduler.inFlightByHost() });
  const scheduler = new HostScheduler(config, clock, progress);
  const ctx: CheckContext = {
    options: config,
    timeouts,
    scheduler,
    clock,
    random: deps.random ?? Math.random,
    probe: {
      dispatcher: http.dispatcher,
      headers: probeHeaders(http.userAgent),
      timeouts,
      maxBodyBytes: config.maxBodyBytes,
      wantBody: (status, url) => status >= 400 || isGoogleDriveHost(url),
    },
    proxies: http.proxies,
    counters: { requests: 0, retries: 0 },
  };

  try {
    const results = new Map<string, CheckResult>();
    const network: Array<{ input: string; host: string; check: UrlCheck }> = [];
    const finish = (input: string, result: CheckResult) => {
      results.set(input, result);
      done++;
      progress();
    };
    const check = sharedCheck(ctx);
    const feed = createHostFeed<{ input: string; url: URL }>(
      (host) => hostPolicyFor(host, config).concurrency + 1,
      async ({ input, url }) => {
        const own = await check(input, url);
        network.push({ input, host: url.hostname, check: own });
        finish(input, own.result);
      },
    );
    const take = (input: string): Promise<void> | undefined => {
      const triage = triageUrl(input);
      if (triage.kind === 'done') finish(input, triage.result);
      else if (triage.kind === 'file') return checkLocalFile(input, triage.path, config.localRoot).then((result) => finish(input, result));
      else feed.push(triage.url.hostname, { input, url: triage.url });
      return undefined;
    };
    try {
      await readSource(listed ?? (urls as AsyncIterable<string>), inputs, take);
    } catch (error) {
      // The source failed (extraction threw): let the requests under way end before the client closes.
      feed.stop();
      await feed.drained().catch(() => {});
      throw error;
    }
    await feed.drained();

    const deferred = network.filter((entry) => entry.check.deferredUntil !== undefined);
    await retryDeferred(deferred, results, ctx);

    const judgement = await judgeOffline(network, config.offlineThreshold, config.canaryHosts, http.lookup);
    if (judgement.offline) {
      for (const { input, check } of network) {
        if (check.environment === undefined) continue;
        results.set(input, { ...check.result, verdict: 'skipped', reason: 'checker_offline', detail: `not judged: ${check.result.detail}` });
      }
    }
    const ordered = new Map(inputs.map((input) => [input, results.get(input)!]));
    return {
      conclusive: !judgement.offline,
      ...(judgement.reason ? { inconclusiveReason: judgement.reason } : {}),
      results: ordered,
      stats: stats(ordered, ctx, scheduler, deferred.length, clock.now() - started),
    };
  } finally {
    if (!deps.http) await http.close();
  }
}

/**
 * Hands each distinct URL of the source to `take` as it is read. A list comes deduplicated
 * (`inputs` is the list); a stream is deduplicated here and its URLs are added to `inputs`.
 * A URL's checks start inside `take`; only local-file checks are waited for.
 */
async function readSource(
  source: readonly string[] | AsyncIterable<string>,
  inputs: string[],
  take: (input: string) => Promise<void> | undefined,
): Promise<void> {
  if (Array.isArray(source)) {
    for (const input of source) {
      const pending = take(input);
      if (pending) await pending;
    }
    return;
  }
  const seen = new Set<string>();
  for await (const input of source as AsyncIterable<string>) {
    if (seen.has(input)) continue;
    seen.add(input);
    inputs.push(input);
    const pending = take(input);
    if (pending) await pending;
  }
}

/**
 * Second pass for URLs whose host asked to wait longer than the cap: by the end of the run the
 * wait may have passed, or be short enough to sit out. Otherwise they stay `rate_limited`.
 */
async function retryDeferred(
  deferred: Array<{ input: string; host: string; check: UrlCheck }>,
  results: Map<string, CheckResult>,
  ctx: CheckContext,
): Promise<void> {
  const now = ctx.clock.now();
  const ready = deferred.filter((entry) => entry.check.deferredUntil! - now <= ctx.options.retryAfterCapMs);
  for (const host of new Set(ready.map((entry) => entry.host))) ctx.scheduler.undefer(host);
  const check = sharedCheck(ctx);
  await Promise.all(
    ready.map(async (entry) => {
      entry.check = await check(entry.input, new URL(entry.input));
      results.set(entry.input, entry.check.result);
    }),
  );
}

/**
 * Checks URLs so that the ones differing only by fragment share one set of requests. A fragment
 * sibling keeps its own url; a suggestion keeps its own fragment.
 */
function sharedCheck(ctx: CheckContext): (input: string, url: URL) => Promise<UrlCheck> {
  const shared = new Map<string, Promise<UrlCheck>>();
  return async (input, url) => {
    const href = url.href;
    const hash = href.indexOf('#');
    const key = hash === -1 ? href : href.slice(0, hash);
    let pending = shared.get(key);
    if (!pending) shared.set(key, (pending = checkUrl(input, url, ctx)));
    return rebase(await pending, input, url.hash);
  };
}

function rebase(check: UrlCheck, input: string, fragment: string): UrlCheck {
  if (check.result.url === input) return check;
  const suggestion = check.result.suggestion && {
    ...check.result.suggestion,
    url: withFragment(check.result.suggestion.url, fragment),
  };
  return { ...check, result: { ...check.result, url: input, ...(suggestion ? { suggestion } : {}) } };
}

function withFragment(url: string, fragment: string): string {
  const parsed = new URL(url);
  parsed.hash = fragment;
  return parsed.href;
}

function stats(
  results: Map<string, CheckResult>,
  ctx: CheckContext,
  scheduler: HostScheduler,
  deferred: number,
  elapsedMs: number,
): CheckStats {
  const byVerdict = Object.fromEntries(VERDICT_NAMES.map((v) => [v, 0])) as CheckStats['byVerdict'];
  for (const result of results.values()) byVerdict[result.verdict]++;
  return {
    urls: results.size,
    requests: ctx.counters.requests,
    retries: ctx.counters.retries,
    deferred,
    byVerdict,
    maxInFlightByHost: Object.fromEntries(scheduler.maxInFlightByHost),
    elapsedMs,
  };
}
