import PQueue from 'p-queue';
import type { ApiCheck } from '../api-check.js';
import { defaultFetch, type Fetch } from '../default-fetch.js';
import { fetchHubRepo } from './fetch-hub-repo.js';
import type { HubAnswer } from './hub-answer.js';
import type { HubFacts } from './hub-facts.js';
import { HubPacer } from './hub-pacer.js';
import { hubCheckFromAnswer } from './hub-repo-verdict.js';
import { parseHuggingFaceUrl, type HubRepoRef } from './parse-hugging-face-url.js';
import type { HubRateLimit } from './parse-rate-limit-headers.js';

export interface HubCheckDeps {
  /** Read for `HF_ENDPOINT` and `HF_TOKEN`; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  fetch?: Fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Requests in flight at once (the budget, not this, bounds the rate). */
  concurrency?: number;
  requestTimeoutMs?: number;
  /** A 429 or a spent window that needs a longer wait than this makes the rest `rate_limited`. */
  maxRateLimitWaitMs?: number;
  maxTransientRetries?: number;
  /** The budget assumed until the Hub's `RateLimit-Policy` says otherwise (anonymous: 500 / 5 min). */
  quota?: number;
  windowMs?: number;
  /** Told what each answer's `RateLimit` headers said (an operator's gauge of the budget left). */
  onRateLimit?: (limit: HubRateLimit) => void;
}

export interface HubCheckStats {
  requests: number;
  /** Time spent waiting for the Hub's rate-limit window. */
  waitedMs: number;
  /** Most requests sent within one rate-limit window. */
  maxInWindow: number;
}

export interface HubCheckRun {
  /** One per input URL, in input order. */
  checks: ApiCheck<HubFacts>[];
  stats: HubCheckStats;
}

export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Verifies Hugging Face model, dataset and Space links through the Hub API, one request per repository. */
export async function checkHuggingFaceRepos(urls: readonly string[], deps: HubCheckDeps = {}): Promise<HubCheckRun> {
  const env = deps.env ?? process.env;
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const pacer = new HubPacer({
    // Long enough to wait out one whole 5-minute window.
    now, sleep, maxWaitMs: deps.maxRateLimitWaitMs ?? 310_000,
    ...(deps.quota !== undefined ? { quota: deps.quota } : {}),
    ...(deps.windowMs !== undefined ? { windowMs: deps.windowMs } : {}),
  });
  const stats = { requests: 0 };
  const token = env.HF_TOKEN || undefined;
  const ctx = {
    endpoint: env.HF_ENDPOINT || DEFAULT_HF_ENDPOINT,
    ...(token ? { token } : {}),
    fetch: deps.fetch ?? defaultFetch,
    pacer, now, sleep, stats,
    requestTimeoutMs: deps.requestTimeoutMs ?? 15_000,
    maxTransientRetries: deps.maxTransientRetries ?? 2,
    ...(deps.onRateLimit && { onRateLimit: deps.onRateLimit }),
  };

  const key = (ref: HubRepoRef) => `${ref.kind}:${ref.id.toLowerCase()}`;
  const refs = urls.map(parseHuggingFaceUrl);
  const answers = new Map<string, Promise<HubAnswer>>();
  const queue = new PQueue({ concurrency: deps.concurrency ?? 4 });
  // A rejected token, or an API that stays unreachable, fails every request alike: stop asking.
  let giveUp: HubAnswer | undefined;
  let unavailableInARow = 0;
  for (const ref of refs) {
    if (!ref || answers.has(key(ref))) continue;
    answers.set(key(ref), queue.add(async () => {
      if (giveUp) return giveUp;
      const answer = await fetchHubRepo(ref, ctx);
      const reason = answer.kind === 'unverified' ? answer.reason : undefined;
      unavailableInARow = reason === 'api_unavailable' ? unavailableInARow + 1 : 0;
      if (reason === 'api_unauthorized' || unavailableInARow >= 2) giveUp = answer;
      return answer;
    }) as Promise<HubAnswer>);
  }
  const resolved = new Map<string, HubAnswer>();
  for (const [k, answer] of answers) resolved.set(k, await answer);

  return {
    checks: urls.map((url, i): ApiCheck<HubFacts> => {
      const ref = refs[i];
      if (!ref) return { outcome: 'unverified', url, reason: 'not_a_repository_url', detail: 'Not a Hugging Face repository link.' };
      return hubCheckFromAnswer(url, ref, resolved.get(key(ref))!);
    }),
    stats: { requests: stats.requests, waitedMs: pacer.waitedMs, maxInWindow: pacer.maxInWindow },
  };
}
