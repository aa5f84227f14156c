import type { LinkReport } from '../../report/run-report.js';
import type { GithubClient } from '../repo-run.js';
import type { KnownIssue } from './known-issue.js';
import { groupByKey, lastClosed, type ClosedStanding } from './plan-dead-link-issues.js';
import { urlKey } from './url-key.js';

/**
 * Who closed the latest closed issue of each URL still in the catalog. The issue's own markers
 * answer most cases without a request; GitHub's `closed_by` (on the single-issue endpoint only)
 * answers the rest: an issue nobody has acknowledged yet, and a bot-closed one about to be
 * succeeded by a new issue (a human may have reopened and closed it again since).
 */
export async function resolveClosedStandings(
  octokit: GithubClient,
  where: { owner: string; repo: string; botLogin: string },
  issues: readonly KnownIssue[],
  links: readonly LinkReport[],
): Promise<Map<number, ClosedStanding>> {
  const linkByKey = new Map(links.map((link) => [urlKey(link.url), link] as const));
  const standings = new Map<number, ClosedStanding>();
  for (const [key, group] of groupByKey(issues)) {
    const link = linkByKey.get(key);
    if (!link || group.some((issue) => issue.state === 'open')) continue;
    const latest = lastClosed(group)!;
    const { ignored, botClose } = latest.markers;
    if (ignored && ignored.closedAt === latest.closedAt) {
      standings.set(latest.number, { kind: 'ignored', by: ignored.by, acknowledged: true });
      continue;
    }
    if (botClose && !link.history?.confirmedDead) {
      standings.set(latest.number, { kind: 'bot_closed' });
      continue;
    }
    const { data } = await octokit.rest.issues.get({ owner: where.owner, repo: where.repo, issue_number: latest.number });
    const closedBy = data.closed_by?.login;
    standings.set(latest.number, closedBy === where.botLogin ? { kind: 'bot_closed' } : { kind: 'ignored', by: closedBy ?? 'someone', acknowledged: false });
  }
  return standings;
}
