import type Bottleneck from 'bottleneck';
import type { Octokit } from '@octokit/core';
import { ProbotOctokit } from 'probot';
import { ThrottleGroups } from './throttle-groups.js';

/** How the app paces itself against GitHub. Production uses GitHub's documented numbers. */
export interface GithubPacing {
  /** Gap between two writes of one installation (GitHub asks for at least 1 s). */
  writeIntervalMs: number;
  /** Gap between two writes that notify people: issues, comments, pull requests (GitHub: 3 s). */
  notificationIntervalMs: number;
  /** Milliseconds waited per second of `retry-after`, rate-limit reset or retry backoff. */
  retryAfterUnitMs: number;
  /** A primary rate limit is waited out only if it resets within this many seconds. */
  maxRateLimitWaitSeconds: number;
}

export const DEFAULT_PACING: GithubPacing = {
  writeIntervalMs: 1000,
  notificationIntervalMs: 3000,
  retryAfterUnitMs: 1000,
  maxRateLimitWaitSeconds: 20 * 60,
};

/** Primary limits: waited out this many times per request, then the repository is retried later. */
const RATE_LIMIT_RETRIES = 2;
/** Secondary limits say "slow down", not "stop": waited out (retry-after, else 60 s) this often. */
const SECONDARY_LIMIT_RETRIES = 4;

// A retried POST that GitHub did carry out (its answer lost to a 502) creates a second issue,
// comment or pull request. These POSTs are left to the caller, which re-reads GitHub before
// trying again; reads, PATCHes, GraphQL queries and content-addressed git objects are retried.
const SAFE_POSTS = [/\/graphql$/, /\/app\/installations\/\d+\/access_tokens$/, /\/git\/(?:blobs|trees|commits)$/];

function isSafeToRepeat(method: string, url: string): boolean {
  if (method !== 'POST' && method !== 'PUT') return true;
  const path = url.split('?')[0] ?? url;
  return method === 'POST' && SAFE_POSTS.some((pattern) => pattern.test(path));
}

const noBlindRepeats = (octokit: Octokit): void => {
  octokit.hook.before('request', (options) => {
    if (!isSafeToRepeat(options.method, options.url)) options.request = { ...options.request, retries: 0 };
  });
};

/** Response headers as Octokit hands them over. */
export type ResponseHeaders = Readonly<Record<string, string | number | undefined>>;

/** Shows every answer's headers (and a failed request's, when GitHub answered) to `observe`. */
const reportHeaders = (observe: (headers: ResponseHeaders) => void) => (octokit: Octokit): void => {
  octokit.hook.after('request', (response) => observe(response.headers));
  octokit.hook.error('request', (error) => {
    const headers = (error as { response?: { headers?: ResponseHeaders } }).response?.headers;
    if (headers) observe(headers);
    throw error;
  });
};

export interface AppOctokitOptions {
  /** The write limiters, per process or on Probot's Redis connection (default: made here). */
  groups?: ThrottleGroups;
  /**
   * Names this deployment's limiters in Redis (Octokit's throttle `id`; `LINKMEDIC_REDIS_PREFIX`),
   * so deployments sharing a Redis do not share a pace. Without Redis it changes nothing.
   */
  throttleId?: string;
  /** Sees every answer's headers, a failed request's too (the rate limit left, for `/metrics`). */
  observeHeaders?: (headers: ResponseHeaders) => void;
}

/**
 * Probot's Octokit as linkmedic needs it: secondary rate limits waited out rather than only
 * logged (Probot's own default gives up on them), primary limits waited out when they reset soon,
 * 5xx retried except for writes that must not happen twice, and writes paced per installation.
 * The options are applied over whatever Probot passes, so they hold for installation clients too;
 * with `REDIS_URL`, Probot passes a Redis connection and the pace is shared by every replica.
 * `observeHeaders` sees every answer's headers (the rate limit left, for `/metrics`).
 */
export function createAppOctokit(pacing: GithubPacing = DEFAULT_PACING, options: AppOctokitOptions = {}): typeof ProbotOctokit {
  const groups = options.groups ?? new ThrottleGroups(pacing);
  type Log = { warn: (message: string) => void };
  const onRateLimit = (retryAfter: number, options: { method: string; url: string }, octokit: { log: Log }, retryCount: number): boolean => {
    const wait = retryCount < RATE_LIMIT_RETRIES && retryAfter <= pacing.maxRateLimitWaitSeconds;
    octokit.log.warn(`rate limit on ${options.method} ${options.url}: ${wait ? `waiting ${retryAfter} s` : 'giving up for now'}`);
    return wait;
  };
  const onSecondaryRateLimit = (retryAfter: number, options: { method: string; url: string }, octokit: { log: Log }, retryCount: number): boolean => {
    const wait = retryCount < SECONDARY_LIMIT_RETRIES;
    octokit.log.warn(`secondary rate limit on ${options.method} ${options.url}: ${wait ? `waiting ${retryAfter} s` : 'giving up for now'}`);
    return wait;
  };
  const plugins = options.observeHeaders ? [noBlindRepeats, reportHeaders(options.observeHeaders)] : [noBlindRepeats];
  type Throttle = { connection?: Bottleneck.IORedisConnection };
  return ProbotOctokit.plugin(...plugins).defaults((instance: Record<string, unknown> & { throttle?: Throttle; retry?: object }) => ({
    ...instance,
    userAgent: 'linkmedic',
    throttle: {
      ...instance.throttle,
      enabled: true,
      onRateLimit,
      onSecondaryRateLimit,
      retryAfterBaseValue: pacing.retryAfterUnitMs,
      ...(options.throttleId && { id: options.throttleId }),
      ...groups.for(instance.throttle?.connection),
    },
    retry: { ...instance.retry, retryAfterBaseValue: pacing.retryAfterUnitMs },
  })) as typeof ProbotOctokit;
}
