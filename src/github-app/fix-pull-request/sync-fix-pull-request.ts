import { LinkmedicError } from '../../errors.js';
import { commentOnce } from '../dead-link-issues/comment-once.js';
import { requestStatus } from '../github/request-status.js';
import type { FixPullRequestOutcome, RepoRun } from '../repo-run.js';
import { closeFixPull } from './close-fix-pull.js';
import { FIX_BRANCH } from './fix-branch.js';
import { FIX_PULL_COMMENTS } from './fix-pull-comments.js';
import { fitFixes } from './fit-fixes.js';
import { fixFiles } from './fix-files.js';
import { inspectFixBranch } from './inspect-fix-branch.js';
import { listFixPullRequests, type FixPull } from './list-fix-pull-requests.js';
import { pairKey, planFixes } from './plan-fixes.js';
import { renderFixPullRequest } from './render-fix-pull-request.js';
import { writeFixCommit } from './write-fix-commit.js';

export interface FixPullRequestOptions {
  /** URLs humans asked to ignore (the dead-link step's `ignoredUrls`): no archived copy replaces them. */
  ignoredUrls?: Iterable<string>;
}

const summary = (pull: FixPull, state: 'open' | 'closed' = pull.state) => ({ number: pull.number, htmlUrl: pull.htmlUrl, state });

/**
 * Keeps the one rolling fix pull request (branch `linkmedic/fix-links`) in step with a recorded
 * run: every safe fix as one commit on top of the default branch head, the same pull request
 * updated in place, closed when nothing is left. Humans win: pairs in a pull request they closed
 * unmerged are never proposed again, and a branch they pushed to is never rewritten.
 */
export async function syncFixPullRequest(run: RepoRun, options: FixPullRequestOptions = {}): Promise<FixPullRequestOutcome> {
  try {
    return await sync(run, options);
  } catch (error) {
    if (error instanceof LinkmedicError) throw error;
    const message = `updating the fix pull request of ${run.owner}/${run.repo} failed: ${(error as Error).message}`;
    throw new LinkmedicError('EXTERNAL_SERVICE', message, 'the next run retries from the branch as it is', { cause: error });
  }
}

async function sync(run: RepoRun, options: FixPullRequestOptions): Promise<FixPullRequestOutcome> {
  const { octokit, owner, repo, botLogin, defaultBranch, headSha } = run;
  const { report, runId } = run.catalogRun;
  const where = { owner, repo, botLogin, runId };
  const pulls = await listFixPullRequests(octokit, { owner, repo, botLogin, defaultBranch });
  const base = { fixes: [], blockedByHuman: false, rejectedPairs: pulls.rejectedPairs };
  // Offline, every verdict is `skipped`: that is no reason to close the pull request.
  if (!report.conclusive) return { ...base, ...(pulls.open && { pullRequest: summary(pulls.open) }), action: 'none' };

  const planned = run.config.fixes.enabled
    ? planFixes({
        report,
        fixes: run.config.fixes,
        rejected: new Set(pulls.rejectedPairs.map((pair) => pairKey(pair.from, pair.to))),
        ignoredUrls: new Set([...(options.ignoredUrls ?? []), ...run.ignoredByCheckbox]),
      })
    : [];
  const fixed = fixFiles(run.files, fitFixes(planned));
  if (fixed.dropped.length > 0) {
    const dropped = fixed.dropped.map((fix) => `${fix.file}:${fix.line} ${fix.from}`);
    run.log.warn({ repo: `${owner}/${repo}`, dropped }, 'fixes left out: the result would not parse back to the intended links');
  }
  const fixes = fixed.applied.sort((a, b) => a.file.localeCompare(b.file) || a.span.start - b.span.start);

  // A run recorded before the default branch moved (acted on again for a ticked box, or resumed
  // hours later) must not rebuild the branch on its old head: a fix merged since would come back.
  const { data: current } = await octokit.rest.repos.getBranch({ owner, repo, branch: defaultBranch });
  if (current.commit.sha !== headSha) return { ...base, fixes, ...(pulls.open && { pullRequest: summary(pulls.open) }), action: 'none' };

  const branch = await inspectFixBranch(octokit, { owner, repo, botLogin, headSha });
  // Once its pull request is merged or closed, the branch is spent, whoever committed to it: a
  // merge kept the work, a close dropped it (and its pairs are rejected). Rebuilding it loses nothing.
  const spent = !pulls.open && pulls.latest?.state === 'closed';
  if (branch.kind === 'foreign' && !spent) {
    if (pulls.open) {
      const { blockedMarker: marker, blocked } = FIX_PULL_COMMENTS;
      await commentOnce(octokit, { owner, repo, botLogin, issueNumber: pulls.open.number, marker, body: blocked(branch.authors) });
    }
    return { ...base, fixes, blockedByHuman: true, ...(pulls.open && { pullRequest: summary(pulls.open) }), action: 'blocked' };
  }
  for (const extra of pulls.extraOpen) await closeFixPull(octokit, where, extra, FIX_PULL_COMMENTS.duplicate(pulls.open!.number));

  if (fixes.length === 0) {
    if (pulls.open) {
      const comment = run.config.fixes.enabled ? FIX_PULL_COMMENTS.nothingLeft(defaultBranch) : FIX_PULL_COMMENTS.disabled();
      await closeFixPull(octokit, where, pulls.open, comment);
    }
    if (branch.kind !== 'absent') await deleteBranch(run);
    return { ...base, ...(pulls.open && { pullRequest: summary(pulls.open, 'closed') }), action: pulls.open ? 'closed' : 'none' };
  }

  const rendered = renderFixPullRequest(fixes, defaultBranch);
  const writable = branch.kind === 'foreign' ? { kind: 'ours' as const, sha: branch.sha } : branch;
  const moved = await writeFixCommit(octokit, { owner, repo, headSha, files: fixed.files, message: rendered.commitMessage, branch: writable });
  // A pull request an earlier attempt created (its answer lost) is in `pulls`: never a second one.
  const open = pulls.open;
  if (open) {
    // A reopened pull request still says linkmedic closed it: rewrite, or its next close reads as ours.
    const stale = open.markers?.fingerprint !== rendered.fingerprint || open.baseRef !== defaultBranch || open.markers.closedByBot !== undefined;
    if (stale) await octokit.rest.pulls.update({ owner, repo, pull_number: open.number, title: rendered.title, body: rendered.body, base: defaultBranch });
    return { ...base, fixes, pullRequest: summary(open), action: stale || moved ? 'updated' : 'unchanged' };
  }
  const { data } = await octokit.rest.pulls.create({ owner, repo, title: rendered.title, head: FIX_BRANCH, base: defaultBranch, body: rendered.body });
  run.log.info({ repo: `${owner}/${repo}`, pull: data.number, fixes: fixes.length }, 'fix pull request opened');
  return { ...base, fixes, pullRequest: { number: data.number, htmlUrl: data.html_url, state: 'open' }, action: 'opened' };
}

async function deleteBranch(run: RepoRun): Promise<void> {
  try {
    await run.octokit.rest.git.deleteRef({ owner: run.owner, repo: run.repo, ref: `heads/${FIX_BRANCH}` });
  } catch (error) {
    if (requestStatus(error) !== 422) throw error; // already gone
  }
}
