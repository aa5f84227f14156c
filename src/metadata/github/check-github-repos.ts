import type { ApiCheck, UnverifiedReason } from '../api-check.js';
import { answerMissingRepo } from './answer-missing-repo.js';
import { answersFromBatch } from './answers-from-batch.js';
import { buildRepositoryBatchQuery } from './build-repository-batch-query.js';
import { classifyGraphqlFailure, type BatchAnswer } from './classify-graphql-failure.js';
import type { Fetch } from '../default-fetch.js';
import { createGithubOctokit, type GithubClient } from './create-github-octokit.js';
import type { GithubFacts } from './github-facts.js';
import { parseGithubRepoUrl, type GithubRepoRef } from './parse-github-repo-url.js';
import { checkFromAnswer, type RepoAnswer } from './repo-answer.js';
import { RateLimitNodeSchema, type RateLimitNode } from './repository-node.js';

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

interface RepoGroup {
  ref: GithubRepoRef;
  answer?: RepoAnswer;
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
  const client = deps.client ?? (token ? createGithubOctokit({
    token,
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.requestTimeoutMs !== undefined ? { requestTimeoutMs: deps.requestTimeoutMs } : {}),
    ...(deps.maxRateLimitWaitMs !== undefined ? { maxRateLimitWaitMs: deps.maxRateLimitWaitMs } : {}),
  }) : undefined);

  const giveUp = (from: number, reason: UnverifiedReason, detail: string, count = pending.length - from) => {
    for (const group of pending.slice(from, from + count)) group.answer ??= { kind: 'unverified', reason, detail };
  };

  if (!client) {
    giveUp(0, 'no_token', 'No GITHUB_TOKEN: the GitHub GraphQL API needs one.');
  } else {
    let size = Math.max(1, deps.batchSize ?? 50);
    let next = 0;
    let failures = 0;
    const missing: RepoGroup[] = [];
    while (next < pending.length) {
      const batch = pending.slice(next, next + size);
      const { query, variables, aliases } = buildRepositoryBatchQuery(batch.map((g) => g.ref));
      const started = now().getTime();
      stats.graphqlRequests += 1;
      stats.batchSizes.push(batch.length);
      let answer: BatchAnswer;
      try {
        // Retries are ours: a failing batch is halved, not resent as is.
        const data = await client.graphql<Record<string, unknown>>(query, { ...variables, request: { retries: 0 } });
        answer = { kind: 'answered', data, errors: [] };
      } catch (error) {
        answer = classifyGraphqlFailure(error);
      }
      const elapsedMs = now().getTime() - started;

      if (answer.kind === 'answered') {
        const rateLimit = RateLimitNodeSchema.safeParse(answer.data.rateLimit);
        if (rateLimit.success) {
          stats.rateLimit = rateLimit.data;
          stats.pointsUsed += rateLimit.data.cost;
        }
        answersFromBatch(aliases, answer.data, answer.errors, elapsedMs).forEach((result, i) => {
          const group = batch[i]!;
          if (result === 'missing') missing.push(group);
          else group.answer = result;
        });
        next += batch.length;
        failures = 0;
      } else if (answer.kind === 'stop') {
        giveUp(next, answer.reason, answer.detail);
        break;
      } else if (answer.kind === 'too_big' && size > 1) {
        size = Math.ceil(batch.length / 2);
      } else if (failures < (deps.maxTransientRetries ?? 2)) {
        failures += 1;
        await sleep(1000 * 2 ** failures);
      } else {
        giveUp(next, 'api_unavailable', answer.detail, batch.length);
        next += batch.length;
        failures = 0;
      }
    }
    for (const group of missing) {
      const recheck = deps.restRecheck ?? true;
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
