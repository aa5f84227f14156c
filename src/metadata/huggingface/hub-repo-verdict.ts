import type { ApiCheck } from '../api-check.js';
import { HUB_REPOSITORY_PAGES, isRepositoryPage } from '../is-repository-page.js';
import { repoResult } from '../repo-result.js';
import type { HubAnswer } from './hub-answer.js';
import type { HubFacts } from './hub-facts.js';
import { huggingFaceRepoUrl, type HubRepoRef } from './parse-hugging-face-url.js';

/**
 * The check for one link from its repository's answer. Disabled is dead; private (seen only
 * through the token) is restricted; another id is a rename; gated stays alive, flagged. A
 * single-segment id that is not found may be a user page, so the HTTP checker decides it.
 */
export function hubCheckFromAnswer(url: string, ref: HubRepoRef, answer: HubAnswer): ApiCheck<HubFacts> {
  switch (answer.kind) {
    case 'unverified':
      return { outcome: 'unverified', url, reason: answer.reason, detail: answer.detail };
    case 'verdict': {
      const { kind: _kind, ...rest } = answer;
      return repoResult<HubFacts>({ url, ...rest });
    }
    case 'not_found':
      if (!ref.id.includes('/')) {
        return { outcome: 'unverified', url, reason: 'ambiguous_url', detail: `No Hub ${ref.kind} named ${ref.id}; the path may be a user or organisation page.` };
      }
      if (!isRepositoryPage(ref.rest, HUB_REPOSITORY_PAGES)) {
        return { outcome: 'unverified', url, reason: 'ambiguous_url', detail: `No Hub ${ref.kind} named ${ref.id}, but ${url} may be another kind of Hub page.` };
      }
      return repoResult<HubFacts>({
        url, verdict: 'dead', reason: 'repo_not_found', httpStatus: answer.httpStatus, elapsedMs: answer.elapsedMs,
        detail: `The Hub has no ${ref.kind} ${ref.id} (or it is private).`,
      });
    case 'facts':
      break;
  }
  const { facts, elapsedMs } = answer;
  const base = { url, facts, elapsedMs, httpStatus: 200 };
  if (facts.disabled) return repoResult({ ...base, verdict: 'dead', reason: 'repo_disabled', detail: `The Hub disabled ${facts.id}.` });
  if (facts.private) {
    return repoResult({ ...base, verdict: 'restricted', reason: 'repo_private', detail: `${facts.id} is private: only its members can open it.` });
  }
  if (facts.id.toLowerCase() !== ref.id.toLowerCase()) {
    return repoResult({
      ...base, verdict: 'redirected', reason: 'repo_renamed', detail: `${ref.id} was renamed or moved to ${facts.id}.`,
      suggestion: { url: huggingFaceRepoUrl(ref.kind, facts.id, ref.rest), kind: 'repo_rename' },
    });
  }
  if (facts.gated) {
    return repoResult({ ...base, verdict: 'alive', reason: 'repo_gated', detail: `${facts.id} is gated (${facts.gated} approval).` });
  }
  return repoResult({ ...base, verdict: 'alive', reason: 'repo_ok', detail: `${facts.id} exists.` });
}
