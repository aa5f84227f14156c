import { FAILING_VERDICTS, HUMAN_VERDICTS } from '../../check/verdict.js';
import type { LinkReport } from '../../report/run-report.js';
import { deadRules } from '../../store/dead-rules.js';
import { urlKey } from '../dead-link-issues/url-key.js';
import type { DeadLinkIssuesOutcome, FixPullRequestOutcome, RepoRun } from '../repo-run.js';
import type { IgnoredUrl, Recheck } from '../state/repo-memory.js';
import { buildCatalogNumbers } from './build-catalog-numbers.js';
import type { AvailabilityPoint, IgnoredLink, ReportLink, ReportModel } from './report-model.js';

export interface ReportInputs {
  run: RepoRun;
  /** Problems with the configuration, the files or the run, and steps that failed. */
  problems: string[];
  deadLinkIssues?: DeadLinkIssuesOutcome;
  fixPullRequest?: FixPullRequestOutcome;
  ignoredByCheckbox: ReadonlyMap<string, IgnoredUrl>;
  rechecks: ReadonlyMap<string, Recheck>;
}

const CHART_RUNS = 30;

function reportLink(link: LinkReport, inputs: ReportInputs): ReportLink {
  const issue = inputs.deadLinkIssues?.issueByUrl.get(link.url);
  const recheck = inputs.rechecks.get(link.url);
  const first = link.occurrences[0];
  return {
    url: link.url,
    key: urlKey(link.url),
    ...(first?.entry && { entry: first.entry }),
    places: link.occurrences.map((occurrence) => ({ file: occurrence.file, line: occurrence.line })),
    verdict: link.verdict,
    detail: link.detail,
    failures: link.history?.consecutiveFailures ?? 1,
    ...(link.history?.firstFailedAt && { firstFailedAt: link.history.firstFailedAt }),
    ...(link.history?.lastAliveAt && { lastAliveAt: link.history.lastAliveAt }),
    ...(issue && { issue: { number: issue.number, state: issue.state } }),
    ...(link.suggestion && { suggestion: link.suggestion.url }),
    ...(recheck && { recheck }),
  };
}

async function availability(inputs: ReportInputs): Promise<AvailabilityPoint[]> {
  const { store, catalogRun } = inputs.run;
  const runs = await store.latestRuns(catalogRun.report.catalog, CHART_RUNS);
  const oldest = runs.at(-1);
  if (!oldest) return [];
  const wanted = new Set(runs.map((run) => run.id));
  return (await store.availabilitySince(catalogRun.report.catalog, oldest.startedAt))
    .filter((run) => wanted.has(run.id))
    .map((run) => {
      const answered = run.counts.alive + run.counts.redirected;
      const judged = run.urlCount - run.counts.skipped;
      return { startedAt: run.startedAt.toISOString(), percent: judged > 0 ? Math.round((1000 * answered) / judged) / 10 : 100 };
    });
}

/** Sorts the recorded run's links into the report's sections and gathers its numbers from history. */
export async function buildReportModel(inputs: ReportInputs): Promise<ReportModel> {
  const { run } = inputs;
  const { report, runId } = run.catalogRun;
  const ignored: IgnoredLink[] = [];
  const ignoredUrls = new Set<string>();
  const entryOf = new Map(report.links.map((link) => [link.url, link.occurrences[0]?.entry] as const));
  for (const [url, choice] of inputs.ignoredByCheckbox) {
    ignoredUrls.add(url);
    ignored.push({ url, key: urlKey(url), ...(entryOf.get(url) && { entry: entryOf.get(url)! }), how: 'checkbox', by: choice.by });
  }
  for (const [url, closed] of inputs.deadLinkIssues?.ignoredUrls ?? []) {
    if (ignoredUrls.has(url)) continue;
    ignoredUrls.add(url);
    ignored.push({ url, key: urlKey(url), ...(entryOf.get(url) && { entry: entryOf.get(url)! }), how: 'issue', by: closed.closedBy, issue: closed.issue });
  }

  const model: ReportModel = {
    place: { webOrigin: run.webOrigin, owner: run.owner, repo: run.repo, headSha: run.headSha },
    problems: [...inputs.problems],
    confirmedDead: [],
    failing: [],
    needsHuman: [],
    fixes: {
      items: inputs.fixPullRequest?.fixes ?? [],
      ...(inputs.fixPullRequest?.pullRequest && { pullRequest: { number: inputs.fixPullRequest.pullRequest.number, state: inputs.fixPullRequest.pullRequest.state } }),
      blockedByHuman: inputs.fixPullRequest?.blockedByHuman ?? false,
    },
    recovered: [],
    ignored,
    rejectedFixes: inputs.fixPullRequest?.rejectedPairs ?? [],
    numbers: await buildCatalogNumbers(report, run.store, new Date(report.startedAt)),
    availability: await availability(inputs),
    run: { runId, startedAt: report.startedAt, elapsedMs: report.stats.elapsedMs, links: report.summary.total, conclusive: report.conclusive },
  };
  if (!report.conclusive) {
    model.problems.unshift(`The last check was inconclusive (${report.inconclusiveReason ?? 'linkmedic could not reach the network'}); no link was judged dead from it.`);
  }
  for (const link of report.links) {
    if (ignoredUrls.has(link.url)) continue;
    if (link.history?.confirmedDead) model.confirmedDead.push(reportLink(link, inputs));
    else if (FAILING_VERDICTS.has(link.verdict)) model.failing.push(reportLink(link, inputs));
    else if (HUMAN_VERDICTS.has(link.verdict)) model.needsHuman.push(reportLink(link, inputs));
  }
  const changes = await run.store.linkChanges(report.catalog, deadRules(run.config.deadAfter));
  // Only the recorded run's own changes: a later run of this catalog has its own report.
  if (changes.latestRun?.id === runId) {
    for (const recovered of changes.recovered) {
      model.recovered.push({
        url: recovered.url,
        ...(entryOf.get(recovered.url) && { entry: entryOf.get(recovered.url)! }),
        wasConfirmedDead: recovered.wasConfirmedDead,
        ...(recovered.before.firstFailedAt && { failedSince: recovered.before.firstFailedAt.toISOString() }),
      });
    }
  }
  return model;
}
