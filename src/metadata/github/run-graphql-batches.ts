import type { UnverifiedReason } from '../api-check.js';
import { answersFromBatch } from './answers-from-batch.js';
import { buildRepositoryBatchQuery } from './build-repository-batch-query.js';
import { classifyGraphqlFailure, type BatchAnswer } from './classify-graphql-failure.js';
import type { GithubClient } from './create-github-octokit.js';
import type { GithubRepoRef } from './parse-github-repo-url.js';
import type { RepoAnswer } from './repo-answer.js';
import { RateLimitNodeSchema, type RateLimitNode } from './repository-node.js';

/** One repository to ask about, and (once asked) what GitHub said. */
export interface RepoGroup {
  ref: GithubRepoRef;
  answer?: RepoAnswer;
}

export interface BatchStats {
  graphqlRequests: number;
  batchSizes: number[];
  pointsUsed: number;
  rateLimit?: RateLimitNode;
}

export interface BatchOptions {
  batchSize: number;
  maxTransientRetries: number;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  stats: BatchStats;
}

/** Batches given up on in a row before the API is taken as down for the rest of the run. */
const MAX_BATCHES_GIVEN_UP = 2;

/**
 * Asks GitHub about every group through aliased GraphQL batches, serially. Halves the batch on
 * 502/504, timeouts and resource limits; retries other failures after a pause; stops at rate
 * limits and rejected tokens. Sets `answer` on each group it could settle and returns the groups
 * GitHub answered NOT_FOUND for (for the REST re-check).
 */
export async function runGraphqlBatches(client: GithubClient, pending: readonly RepoGroup[], options: BatchOptions): Promise<RepoGroup[]> {
  const { now, sleep, stats } = options;
  const missing: RepoGroup[] = [];
  const giveUp = (groups: readonly RepoGroup[], reason: UnverifiedReason, detail: string) => {
    for (const group of groups) group.answer ??= { kind: 'unverified', reason, detail };
  };
  let size = Math.max(1, options.batchSize);
  let next = 0;
  let failures = 0;
  let givenUp = 0;
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

    if (answer.kind === 'answered') {
      const rateLimit = RateLimitNodeSchema.safeParse(answer.data.rateLimit);
      if (rateLimit.success) {
        stats.rateLimit = rateLimit.data;
        stats.pointsUsed += rateLimit.data.cost;
      }
      answersFromBatch(aliases, answer.data, answer.errors, now().getTime() - started).forEach((result, i) => {
        if (result === 'missing') missing.push(batch[i]!);
        else batch[i]!.answer = result;
      });
      next += batch.length;
      failures = 0;
      givenUp = 0;
    } else if (answer.kind === 'stop') {
      giveUp(pending.slice(next), answer.reason, answer.detail);
      break;
    } else if (answer.kind === 'too_big' && size > 1) {
      size = Math.ceil(batch.length / 2);
    } else if (failures < options.maxTransientRetries) {
      failures += 1;
      await sleep(1000 * 2 ** failures);
    } else if (++givenUp < MAX_BATCHES_GIVEN_UP) {
      giveUp(batch, 'api_unavailable', answer.detail);
      next += batch.length;
      failures = 0;
    } else {
      giveUp(pending.slice(next), 'api_unavailable', answer.detail);
      break;
    }
  }
  return missing;
}
