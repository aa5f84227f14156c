import { extractMarkdown } from '../../catalog/extract-markdown.js';
import type { MarkdownFile } from '../../catalog/read-markdown-files.js';
import { syncDeadLinkIssues } from '../dead-link-issues/sync-dead-link-issues.js';
import { syncFixPullRequest } from '../fix-pull-request/sync-fix-pull-request.js';
import { listBotIssues } from '../github/list-bot-issues.js';
import { describeGithubError } from '../github/request-status.js';
import type { DeadLinkIssuesOutcome, FixPullRequestOutcome, GithubClient, RepoRun } from '../repo-run.js';
import { applyReportTicks } from '../report-issue/apply-report-ticks.js';
import { buildReportModel } from '../report-issue/build-report-model.js';
import { findReportIssue } from '../report-issue/find-report-issue.js';
import { renderReportBody } from '../report-issue/render-report-body.js';
import { parseTicks, tickId, type Tick } from '../report-issue/report-checkboxes.js';
import { syncReportIssue, type ReportIssueAction } from '../report-issue/sync-report-issue.js';
import type { RepoRunRecord } from '../state/repo-memory.js';
import { repoKey, webOriginOf, type RepoTarget } from './repo-target.js';
import type { StepRuntime } from './step-runtime.js';

/** One repository's GitHub client and identity, for the length of one piece of work. */
export interface RepoSession {
  rt: StepRuntime;
  /** Refuses writes once `signal` aborts (made with it by `rt.installation`). */
  octokit: GithubClient;
  target: RepoTarget;
  botLogin: string;
  /** The repository lease's signal: aborted when another process took the repository over. */
  signal?: AbortSignal;
}

export interface GithubUpdate {
  /** Steps that failed, one line each; they are also listed in the report's problems. */
  failures: string[];
  deadLinkIssues?: DeadLinkIssuesOutcome;
  fixPullRequest?: FixPullRequestOutcome;
  report?: { action: ReportIssueAction; number?: number };
}

export interface UpdateOptions {
  /** Problems found before the steps (files left out, the guard kept on): shown in the report. */
  problems: readonly string[];
  /** Ticks a webhook reported (the edit's newly ticked boxes), on top of those in the body. */
  ticks?: readonly Tick[];
  /** Who ticked, when a webhook says so. */
  tickedBy?: string;
}

async function step<T>(name: string, failures: string[], work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    failures.push(`${name} could not be brought up to date (${describeGithubError(error)}); the next run tries again.`);
    return undefined;
  }
}

/**
 * Brings GitHub up to date with a recorded run, in the contract's order: ticked report boxes,
 * dead-link issues, the fix pull request, then the report issue with what they did. Every step
 * re-reads GitHub, so repeating this for the same run (a resumed pass, a ticked box) never
 * duplicates anything. One failing step does not stop the others; the report lists it.
 */
export async function updateGithub(session: RepoSession, record: RepoRunRecord, files: readonly MarkdownFile[], options: UpdateOptions): Promise<GithubUpdate> {
  const { rt, octokit, target, botLogin } = session;
  const key = repoKey(target);
  const where = { owner: target.owner, repo: target.repo, botLogin };
  const failures: string[] = [];
  const update: GithubUpdate = { failures };

  if (!target.hasIssues) rt.log.info({ repo: key }, 'issues are turned off in this repository: no report and no dead-link issues, only the fix pull request');
  // Listed once for both the report and the dead-link steps (nothing is written in between).
  const listed = target.hasIssues ? await step('the report issue', failures, () => listBotIssues(octokit, where)) : undefined;
  const found = listed && (await step('the report issue', failures, () => findReportIssue(octokit, where, listed)));
  const bodyTicks = found?.current?.state === 'open' ? parseTicks(found.current.body) : [];
  const ticks = new Map([...bodyTicks, ...(options.ticks ?? [])].map((tick) => [tickId(tick), tick] as const));
  const handled = await applyReportTicks(rt, { octokit, repoKey: key, config: record.config, report: record.report }, [...ticks.values()], options.tickedBy ?? 'a maintainer');

  const ignored = await rt.memory.ignoredUrls(key);
  const run: RepoRun = {
    octokit,
    owner: target.owner,
    repo: target.repo,
    defaultBranch: target.defaultBranch,
    headSha: record.headSha,
    webOrigin: webOriginOf(target),
    config: record.config,
    files: [...files],
    catalogRun: { report: record.report, extractions: files.map(({ text, file }) => extractMarkdown(text, file)), runId: record.runId },
    store: rt.store,
    now: rt.now,
    log: rt.log.child({ repo: key }),
    botLogin,
    ignoredByCheckbox: new Set(ignored.keys()),
  };
  if (target.hasIssues) update.deadLinkIssues = await step('Dead-link issues', failures, () => syncDeadLinkIssues(run, listed));
  const ignoredUrls = [...ignored.keys(), ...(update.deadLinkIssues?.ignoredUrls.keys() ?? [])];
  update.fixPullRequest = await step('The fix pull request', failures, () => syncFixPullRequest(run, { ignoredUrls }));

  if (found) {
    const model = await buildReportModel({
      run,
      problems: [...options.problems, ...failures],
      ...(update.deadLinkIssues && { deadLinkIssues: update.deadLinkIssues }),
      ...(update.fixPullRequest && { fixPullRequest: update.fixPullRequest }),
      ignoredByCheckbox: ignored,
      rechecks: await rt.memory.rechecksSince(key, new Date(record.report.startedAt)),
    });
    const reportTarget = { octokit, ...where, title: record.config.report.title, enabled: record.config.report.enabled, now: rt.now() };
    const render = (ticked: ReadonlySet<string>) => renderReportBody(model, { writtenAt: rt.now(), ticked });
    update.report = await step('The report issue', failures, () => syncReportIssue(reportTarget, found, render, handled));
  }
  return update;
}
