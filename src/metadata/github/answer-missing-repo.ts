import type { GithubClient } from './create-github-octokit.js';
import type { GithubRepoRef } from './parse-github-repo-url.js';
import { recheckRepositoryRest } from './recheck-repository-rest.js';
import type { RepoAnswer } from './repo-answer.js';

/**
 * A repository GraphQL answered NOT_FOUND for. Dead either way; the REST re-check (when enabled)
 * says whether it is gone (404) or blocked (451 DMCA, 403 terms of service). Blocked repositories
 * are dead too: readers get nothing, and waiting does not bring them back.
 */
export async function answerMissingRepo(
  client: GithubClient,
  ref: GithubRepoRef,
  options: { recheck: boolean; now: () => Date },
): Promise<RepoAnswer> {
  const name = `${ref.owner}/${ref.repo}`;
  const notFound = (detail: string, elapsedMs: number, httpStatus?: number): RepoAnswer => ({
    kind: 'verdict', verdict: 'dead', reason: 'repo_not_found', detail, elapsedMs,
    ...(httpStatus !== undefined ? { httpStatus } : {}),
  });
  if (!options.recheck) return notFound(`GitHub has no repository ${name}.`, 0);

  const started = options.now().getTime();
  const recheck = await recheckRepositoryRest(client, ref);
  const elapsedMs = options.now().getTime() - started;
  switch (recheck.kind) {
    case 'found':
      return { kind: 'facts', facts: recheck.facts, elapsedMs, httpStatus: 200 };
    case 'not_found':
      return notFound(`GitHub has no repository ${name} (or it is private).`, elapsedMs, 404);
    case 'blocked': {
      const why = recheck.blockReason === 'dmca' ? 'after a DMCA takedown' : `(${recheck.blockReason})`;
      const where = recheck.htmlUrl ? `; see ${recheck.htmlUrl}` : '';
      return {
        kind: 'verdict', verdict: 'dead', reason: 'repo_blocked', httpStatus: recheck.status, elapsedMs,
        detail: `GitHub blocked access to ${name} ${why}${where}.`,
      };
    }
    case 'unknown':
      return notFound(`GitHub has no repository ${name}. ${recheck.detail}`, elapsedMs);
  }
}
