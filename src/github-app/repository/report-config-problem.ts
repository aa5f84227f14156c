import { REPO_CONFIG_PATH } from '../../config/repo-config.js';
import { repoConfigSchema } from '../../config/repo-config.js';
import { githubCatalogKey } from '../../store/catalog-key.js';
import { findReportIssue } from '../report-issue/find-report-issue.js';
import { renderProblemsBody } from '../report-issue/render-report-body.js';
import { syncReportIssue } from '../report-issue/sync-report-issue.js';
import { publishConfigCheck } from './publish-config-check.js';
import type { RepoSession } from './update-github.js';

/**
 * An invalid configuration reaches the maintainer twice, never as a crash: as a failed
 * `linkmedic config` check run on the commit, and in the problems section of the report issue
 * (which keeps its title; a human's close is still respected) where the repository has issues.
 */
export async function reportConfigProblem(session: RepoSession, message: string, headSha: string): Promise<void> {
  const { rt, octokit, target, botLogin } = session;
  await publishConfigCheck(octokit, { owner: target.owner, repo: target.repo, headSha }, { ok: false, message });
  if (!target.hasIssues) return;
  const found = await findReportIssue(octokit, { owner: target.owner, repo: target.repo, botLogin });
  const [lastRun] = await rt.store.latestRuns(githubCatalogKey(`${target.owner}/${target.repo}`), 1);
  const now = rt.now();
  const body = renderProblemsBody([message], { writtenAt: now, ...(lastRun && { lastCheckedAt: lastRun.startedAt.toISOString() }) });
  const title = found.current?.title ?? repoConfigSchema.shape.report.parse(undefined).title;
  await syncReportIssue({ octokit, owner: target.owner, repo: target.repo, botLogin, title, enabled: true, now }, found, () => body, new Set());
  rt.log.warn({ repo: `${target.owner}/${target.repo}`, path: REPO_CONFIG_PATH }, 'invalid configuration reported to the maintainer');
}
