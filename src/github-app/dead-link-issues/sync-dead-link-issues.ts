import { LinkmedicError } from '../../errors.js';
import type { BotIssues } from '../github/list-bot-issues.js';
import type { LinkReport } from '../../report/run-report.js';
import { deadRules } from '../../store/dead-rules.js';
import type { DeadLinkIssuesOutcome, RepoRun } from '../repo-run.js';
import { applyIssueAction, type AppliedAction } from './apply-issue-action.js';
import { ensureLabels } from './ensure-labels.js';
import { listDeadLinkIssues } from './list-dead-link-issues.js';
import { groupByKey, lastClosed, planDeadLinkIssues } from './plan-dead-link-issues.js';
import { renderDeadLinkIssue } from './render-dead-link-issue.js';
import { resolveClosedStandings } from './resolve-closed-standings.js';
import { urlKey } from './url-key.js';

/**
 * Brings the one-issue-per-confirmed-dead-link issues up to date with a recorded run: opens
 * (at most `issues.maxNewPerRun`), rewrites only on meaningful change, closes on recovery or
 * removal, repairs duplicates, and learns which URLs humans asked to ignore by closing their issue.
 * Repeating it for the same recorded run leaves GitHub as the first complete attempt did.
 * `listed`: the bot's issues as this attempt already listed them (else they are listed here).
 */
export async function syncDeadLinkIssues(run: RepoRun, listed?: BotIssues): Promise<DeadLinkIssuesOutcome> {
  try {
    return await sync(run, listed);
  } catch (error) {
    if (error instanceof LinkmedicError) throw error;
    const message = `updating dead-link issues of ${run.owner}/${run.repo} failed: ${(error as Error).message}`;
    throw new LinkmedicError('EXTERNAL_SERVICE', message, 'the next run retries; nothing is duplicated', { cause: error });
  }
}

async function sync(run: RepoRun, listed: BotIssues | undefined): Promise<DeadLinkIssuesOutcome> {
  const { octokit, owner, repo, botLogin } = run;
  const { report, runId } = run.catalogRun;
  const where = { owner, repo, botLogin };
  const issues = await listDeadLinkIssues(octokit, where, listed);
  const closedStanding = await resolveClosedStandings(octokit, where, issues, report.links);

  const rules = deadRules(run.config.deadAfter);
  const place = { webOrigin: run.webOrigin, owner, repo, branch: run.defaultBranch };
  // Read once for every link an issue may be written about: confirmed dead, or already with an issue.
  const issueKeys = new Set(issues.map((issue) => issue.markers.key));
  const written = report.links.filter((link) => link.history?.confirmedDead || issueKeys.has(urlKey(link.url))).map((link) => link.url);
  const states = await run.store.linkStates(report.catalog, written, rules);
  const render = (link: LinkReport) => renderDeadLinkIssue(link, states.get(link.url)?.recent ?? [], place, report.startedAt);
  const plan = planDeadLinkIssues({
    links: report.links,
    conclusive: report.conclusive,
    issues,
    closedStanding,
    config: run.config.issues,
    ignoredByCheckbox: run.ignoredByCheckbox,
    runId,
    render,
  });

  const urlOfKey = new Map(report.links.map((link) => [urlKey(link.url), link.url] as const));
  const context = { owner, repo, botLogin, runId, labels: run.config.issues.labels, urlOfKey, checkedAt: report.startedAt, headSha: run.headSha };
  if (plan.actions.some((action) => action.kind === 'open')) await ensureLabels(octokit, { owner, repo }, run.config.issues.labels);
  const applied = new Map<number, AppliedAction>();
  const opened: number[] = [];
  const updated: number[] = [];
  const closed: number[] = [];
  const openedByKey = new Map<string, AppliedAction>();
  for (const action of plan.actions) {
    const result = await applyIssueAction(octokit, action, context);
    applied.set(result.number, result);
    if (action.kind === 'open') {
      opened.push(result.number);
      openedByKey.set(urlKey(action.url), result);
    } else if (action.kind === 'update') updated.push(result.number);
    else if (action.kind === 'close') closed.push(result.number);
  }
  if (plan.actions.length > 0) run.log.info({ repo: `${owner}/${repo}`, opened, updated, closed, deferred: plan.deferred.length }, 'dead-link issues synced');

  const outcome: DeadLinkIssuesOutcome = { issueByUrl: new Map(), ignoredUrls: new Map(), opened, updated, closed, deferred: plan.deferred };
  const byKey = groupByKey(issues);
  for (const link of report.links) {
    const key = urlKey(link.url);
    const group = byKey.get(key) ?? [];
    const current = openedByKey.get(key) ?? group.find((issue) => issue.state === 'open') ?? lastClosed(group);
    if (!current) continue;
    const after = applied.get(current.number);
    const state = after?.state ?? current.state;
    outcome.issueByUrl.set(link.url, { number: current.number, state, htmlUrl: after?.htmlUrl ?? current.htmlUrl });
    const standing = closedStanding.get(current.number);
    if (state === 'closed' && standing?.kind === 'ignored') outcome.ignoredUrls.set(link.url, { issue: current.number, closedBy: standing.by });
  }
  return outcome;
}
