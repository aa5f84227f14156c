import type { FakeIssue, FakeRepo } from './types.js';

/**
 * Head and base shas of a pull request: live from the branches while it is open, frozen
 * once it is closed or merged (a deleted head branch leaves the last known sha).
 */
export function pullShas(repo: FakeRepo, issue: FakeIssue): { head: string | null; base: string | null } {
  const pull = issue.pull;
  if (!pull) return { head: null, base: null };
  if (issue.state === 'closed') return { head: pull.headSha, base: pull.baseSha };
  return {
    head: repo.refs.get(`refs/heads/${pull.headRef}`) ?? pull.headSha,
    base: repo.refs.get(`refs/heads/${pull.baseRef}`) ?? pull.baseSha,
  };
}
