import type { GraphqlError } from './classify-graphql-failure.js';
import { factsFromNode, RepositoryNodeSchema } from './repository-node.js';
import type { RepoAnswer } from './repo-answer.js';

/**
 * Reads one answered batch alias by alias. Returns an answer per alias, or `missing` for aliases
 * GitHub could not resolve (NOT_FOUND), which a REST re-check may refine.
 */
export function answersFromBatch(
  aliases: readonly string[],
  data: Record<string, unknown>,
  errors: readonly GraphqlError[],
  elapsedMs: number,
): (RepoAnswer | 'missing')[] {
  return aliases.map((alias): RepoAnswer | 'missing' => {
    const node = data[alias];
    if (node !== null && node !== undefined) {
      const parsed = RepositoryNodeSchema.safeParse(node);
      return parsed.success
        ? { kind: 'facts', facts: factsFromNode(parsed.data), elapsedMs }
        : { kind: 'unverified', reason: 'api_unexpected_response', detail: `Unreadable repository data: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    }
    const error = errors.find((e) => e.path?.[0] === alias);
    if (error?.type === 'NOT_FOUND') return 'missing';
    if (error?.type === 'FORBIDDEN') {
      return { kind: 'verdict', verdict: 'restricted', reason: 'repo_forbidden', detail: error.message, elapsedMs };
    }
    return {
      kind: 'unverified', reason: 'api_unexpected_response',
      detail: error ? `GitHub answered ${error.type ?? 'an error'}: ${error.message}` : 'GitHub returned no data for this repository.',
    };
  });
}
