import { z } from 'zod';
import type { GithubClient } from '../repo-run.js';
import { FIX_BRANCH } from './fix-branch.js';
import { parseFixPullMarkers, type FixPullMarkers } from './fix-pull-markers.js';

const pullItemSchema = z.object({
  number: z.number().int(),
  state: z.enum(['open', 'closed']),
  title: z.string(),
  body: z.string().nullish(),
  html_url: z.string(),
  merged_at: z.string().nullish(),
  user: z.object({ login: z.string() }).nullish(),
  base: z.object({ ref: z.string() }),
});

/** A fix pull request the app opened, as read back from GitHub. */
export interface FixPull {
  number: number;
  state: 'open' | 'closed';
  title: string;
  body: string;
  htmlUrl: string;
  merged: boolean;
  baseRef: string;
  markers: FixPullMarkers | undefined;
}

export interface FixPulls {
  /** The open fix pull request to keep (on the default branch when there is a choice). */
  open?: FixPull;
  /** Other open ones (GitHub allows one per base branch): closed as duplicates. */
  extraOpen: FixPull[];
  /** The newest of all, open or closed. */
  latest?: FixPull;
  /** Every pair of every fix pull request a human closed unmerged. */
  rejectedPairs: Array<{ from: string; to: string }>;
}

/** The app's pull requests from the fix branch, and what humans decided about the closed ones. */
export async function listFixPullRequests(
  octokit: GithubClient,
  where: { owner: string; repo: string; botLogin: string; defaultBranch: string },
): Promise<FixPulls> {
  const items = await octokit.paginate(octokit.rest.pulls.list, {
    owner: where.owner,
    repo: where.repo,
    state: 'all',
    head: `${where.owner}:${FIX_BRANCH}`,
    per_page: 100,
  });
  const pulls: FixPull[] = items
    .map((raw) => pullItemSchema.parse(raw))
    .filter((item) => item.user?.login === where.botLogin)
    .map((item) => ({
      number: item.number,
      state: item.state,
      title: item.title,
      body: item.body ?? '',
      htmlUrl: item.html_url,
      merged: Boolean(item.merged_at),
      baseRef: item.base.ref,
      markers: parseFixPullMarkers(item.body),
    }))
    .sort((a, b) => a.number - b.number);
  const open = pulls.filter((pull) => pull.state === 'open');
  const keep = open.find((pull) => pull.baseRef === where.defaultBranch) ?? open[0];
  const seen = new Set<string>();
  const rejectedPairs = pulls
    .filter((pull) => pull.state === 'closed' && !pull.merged && !pull.markers?.closedByBot)
    .flatMap((pull) => pull.markers?.pairs ?? [])
    .filter((pair) => !seen.has(`${pair.from}\n${pair.to}`) && seen.add(`${pair.from}\n${pair.to}`));
  return {
    ...(keep && { open: keep }),
    extraOpen: open.filter((pull) => pull !== keep),
    ...(pulls.length > 0 && { latest: pulls.at(-1)! }),
    rejectedPairs,
  };
}
