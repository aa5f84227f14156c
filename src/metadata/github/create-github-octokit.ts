import { createHash } from 'node:crypto';
import { Octokit } from 'octokit';
import { USER_AGENT } from '../../http/user-agent.js';
import { defaultFetch, type Fetch } from '../default-fetch.js';

/** What linkmedic needs of an Octokit: the app's installation client fits as well as ours. */
export type GithubClient = Pick<Octokit, 'graphql' | 'request'>;

export interface GithubOctokitOptions {
  token: string;
  /** REST base URL; GraphQL goes to `{base}/graphql`, or `/api/graphql` when it ends in `/api/v3`. */
  baseUrl?: string;
  /** The shared HTTP client's fetch (proxy, CA); default undici's. */
  fetch?: Fetch;
  /** Per-request time budget; GitHub itself gives up on queries after 10 s. */
  requestTimeoutMs?: number;
  /** Rate-limit waits (Retry-After, x-ratelimit-reset) longer than this are not waited for. */
  maxRateLimitWaitMs?: number;
}

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** A limit is waited out at most this many times per request. */
const MAX_LIMIT_RETRIES = 2;

/**
 * An Octokit with the throttling plugin (primary and secondary limits, Retry-After,
 * x-ratelimit-reset; GraphQL requests serial, one second apart) and the retry plugin (5xx).
 */
export function createGithubOctokit(options: GithubOctokitOptions): Octokit {
  const fetch = options.fetch ?? defaultFetch;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const maxWaitSeconds = (options.maxRateLimitWaitMs ?? 120_000) / 1000;
  const waitIfShort = (retryAfter: number, _o: unknown, _k: unknown, retryCount: number): boolean =>
    retryCount < MAX_LIMIT_RETRIES && retryAfter <= maxWaitSeconds;

  // The timeout lives in fetch so it restarts for every attempt, not across rate-limit waits.
  const fetchWithTimeout: Fetch = (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };

  const baseUrl = (options.baseUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
  // The throttling plugin paces per id: clients of one token on one host share a queue.
  const id = createHash('sha256').update(`${baseUrl}\n${options.token}`).digest('hex').slice(0, 16);
  return new Octokit({
    auth: options.token,
    baseUrl,
    userAgent: USER_AGENT,
    request: { fetch: fetchWithTimeout },
    throttle: {
      id: `linkmedic-${id}`,
      onRateLimit: waitIfShort,
      onSecondaryRateLimit: waitIfShort,
    },
    retry: { retries: 2 },
  });
}
