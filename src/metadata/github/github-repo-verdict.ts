import type { VerifiedCheck } from '../api-check.js';
import { repoResult } from '../repo-result.js';
import type { GithubFacts } from './github-facts.js';
import { githubRepoUrl, type GithubRepoRef } from './parse-github-repo-url.js';

/**
 * The verdict for a link whose repository the API returned. Disabled is dead; private (seen only
 * because the token has access) is restricted, as readers cannot open it; a different
 * `nameWithOwner` (compared case-insensitively) is a rename; archived stays alive, flagged in facts.
 */
export function githubRepoVerdict(
  url: string,
  ref: GithubRepoRef,
  facts: GithubFacts,
  timing: { elapsedMs: number; httpStatus?: number },
): VerifiedCheck<GithubFacts> {
  const base = { url, facts, ...timing };
  const linked = `${ref.owner}/${ref.repo}`;
  if (facts.disabled) {
    return repoResult({ ...base, verdict: 'dead', reason: 'repo_disabled', detail: `GitHub disabled ${facts.fullName}.` });
  }
  if (facts.private) {
    return repoResult({
      ...base, verdict: 'restricted', reason: 'repo_private',
      detail: `${facts.fullName} is private: only its members can open it.`,
    });
  }
  if (facts.fullName.toLowerCase() !== linked.toLowerCase()) {
    return repoResult({
      ...base, verdict: 'redirected', reason: 'repo_renamed',
      detail: `${linked} was renamed or transferred to ${facts.fullName}.`,
      suggestion: { url: githubRepoUrl(facts.fullName, ref.rest), kind: 'repo_rename' },
    });
  }
  if (facts.archived) {
    return repoResult({ ...base, verdict: 'alive', reason: 'repo_archived', detail: `${facts.fullName} is archived (read-only).` });
  }
  return repoResult({ ...base, verdict: 'alive', reason: 'repo_ok', detail: `${facts.fullName} exists.` });
}
