import type { ApiCheck } from '../api-check.js';
import { answerMissingRepo } from './answer-missing-repo.js';
import type { Fetch } from '../default-fetch.js';
import type { GithubClient } from './create-github-octokit.js';
import type { GithubFacts } from './github-facts.js';
import { parseGithubRepoUrl } from './parse-github-repo-url.js';
import { checkFromAnswer } from './repo-answer.js';
import type { RateLimitNode } from './repository-node.js';
import { runGraphqlBatches, type RepoGroup } from './run-graphql-batches.js';

export interface GithubCheckDeps {
  /** Read for `GITHUB_TOKEN` and `GITHUB_API_URL`; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** An installation token (the app); wins over `GITHUB_TOKEN`. */
  token?: string;
  /** A ready Octokit (the app's installation client); wins over token, base URL and fetch. */
  client?: GithubClient;
  fetch?: Fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Repositories per GraphQL request at first; halved on 502/504, timeouts, resource limits. */
  batchSize?: number;
  requestTimeoutMs?: number;
  maxRateLimitWaitMs?: number;
  /** Retries of a batch after other 5xx or network failures, with exponential pauses. */
  maxTransientRetries?: number;
  /** Ask REST about NOT_FOUND repositories to tell deleted from blocked (one request each). */
  restRecheck?: boolean;
}

export interface GithubCheckStats {
  graphqlRequests: number;
  restRequests: number;
  /** Repositories per GraphQL request, in the order sent. */
  batchSizes: number[];
  /** Sum of `rateLimit.cost` over answered requests. */
  pointsUsed: number;
  /** The last `rateLimit` GitHub reported. */
  rateLimit?: RateLimitNode;
}

export interface GithubCheckRun {
  /** One per input URL, in input order. */
  checks: ApiCheck<GithubFacts>[];
  stats: GithubCheckStats;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Verifies GitHub repository links through GraphQL, many repositories per request. Links that are
 * not repository links, or that the API could not answer for, come back `unverified`.
 */
export async function checkGithubRepos(urls: readonly string[], deps: GithubCheckDeps = {}): Promise<GithubCheckRun> {
  const env = deps.env ?? process.env;
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const stats: GithubCheckStats = { graphqlRequests: 0, restRequests: 0, batchSizes: [], pointsUsed: 0 };

  const groups = new Map<string, RepoGroup>();
  const refs = urls.map((url) => {
    const ref = parseGithubRepoUrl(url);
    if (ref) {
      const key = `${ref.owner}/${ref.repo}`.toLowerCase();
      if (!groups.has(key)) groups.set(key, { ref });
    }
    return ref;
  });
  const pending = [...groups.values()];
  const token = deps.token ?? env.GITHUB_TOKEN;
  // Octokit is loaded only when there is a token to use it with (~90 ms a tokenless check never pays).
  const client = deps.client ?? (token ? (await import('./create-github-octokit.js')).createGithubOctokit({
    token,
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.requestTimeoutMs !== undefined ? { requestTimeoutMs: deps.requestTimeoutMs } : {}),
    ...(deps.maxRateLimitWaitMs !== undefined ? { maxRateLimitWaitMs: deps.maxRateLimitWaitMs } : {}),
  }) : undefined);

  if (!client) {
    for (const group of pending) group.answer = { kind: 'unverified', reason: 'no_token', detail: 'No GITHUB_TOKEN: the GitHub GraphQL API needs one.' };
  } else {
    const missing = await runGraphqlBatches(client, pending, {
      batchSize: deps.batchSize ?? 50,
      maxTransientRetries: deps.maxTransientRetries ?? 2,
      now, sleep, stats,
    });
    const recheck = deps.restRecheck ?? true;
    for (const group of missing) {
      if (recheck) stats.restRequests += 1;
      group.answer = await answerMissingRepo(client, group.ref, { recheck, now });
    }
  }

  return {
    checks: urls.map((url, i) => {
      const ref = refs[i];
      if (!ref) return { outcome: 'unverified', url, reason: 'not_a_repository_url', detail: 'Not a GitHub repository link.' };
      const answer = groups.get(`${ref.owner}/${ref.repo}`.toLowerCase())!.answer!;
      return checkFromAnswer(url, ref, answer);
    }),
    stats,
  };
}
