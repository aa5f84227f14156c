import type { Verdict } from '../../check/verdict.js';
import type { ApiCheck, UnverifiedReason } from '../api-check.js';
import { GITHUB_REPOSITORY_PAGES, isRepositoryPage } from '../is-repository-page.js';
import type { RepoReason } from '../repo-reason.js';
import { repoResult } from '../repo-result.js';
import type { GithubFacts } from './github-facts.js';
import { githubRepoVerdict } from './github-repo-verdict.js';
import type { GithubRepoRef } from './parse-github-repo-url.js';

/** What the API said about one repository; every link into it gets a check from this. */
export type RepoAnswer =
  /** The repository came back: the verdict depends on its facts and on each link's name. */
  | { kind: 'facts'; facts: GithubFacts; elapsedMs: number; httpStatus?: number }
  /** The repository did not come back, for a known reason. */
  | { kind: 'verdict'; verdict: Verdict; reason: RepoReason; detail: string; elapsedMs: number; httpStatus?: number }
  /** No answer. */
  | { kind: 'unverified'; reason: UnverifiedReason; detail: string };

export function checkFromAnswer(url: string, ref: GithubRepoRef, answer: RepoAnswer): ApiCheck<GithubFacts> {
  switch (answer.kind) {
    case 'facts':
      return githubRepoVerdict(url, ref, answer.facts, {
        elapsedMs: answer.elapsedMs,
        ...(answer.httpStatus !== undefined ? { httpStatus: answer.httpStatus } : {}),
      });
    case 'verdict': {
      if (answer.reason === 'repo_not_found' && !isRepositoryPage(ref.rest, GITHUB_REPOSITORY_PAGES)) {
        return { outcome: 'unverified', url, reason: 'ambiguous_url', detail: `GitHub has no repository ${ref.owner}/${ref.repo}, but ${url} may be another kind of GitHub page.` };
      }
      const { kind: _kind, ...rest } = answer;
      return repoResult<GithubFacts>({ url, ...rest });
    }
    case 'unverified':
      return { outcome: 'unverified', url, reason: answer.reason, detail: answer.detail };
  }
}
