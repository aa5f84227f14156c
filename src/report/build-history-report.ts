import { checkOutcomeOf } from '../check/check-outcome.js';
import { VERDICT_NAMES } from '../check/verdict.js';
import { LinkmedicError } from '../errors.js';
import { DEFAULT_DEAD_RULES, type DeadRules } from '../store/dead-rules.js';
import { deriveLinkState } from '../store/derive-link-state.js';
import type { HistoryStore } from '../store/history-store.js';
import type { StoredResult } from '../store/queries/run-results.js';
import type { RunSummary } from '../store/queries/run-summary.js';
import { catalogSections } from './history/catalog-sections.js';
import { sectionPopularity } from './history/section-popularity.js';
import { windowChange } from './history/window-changes.js';
import { historySummaryOf } from './history-summary.js';
import type { ChangedLink, HistoryLink, HistoryReport, PlaceReport, RunReportSummary } from './history-report.js';
import { problemRank, toneOf } from './problem-groups.js';

export interface HistoryReportOptions {
  catalog: string;
  since: Date;
  now: Date;
  deadRules?: DeadRules;
}

const runSummary = (run: RunSummary): RunReportSummary => ({
  id: run.id,
  startedAt: run.startedAt.toISOString(),
  finishedAt: run.finishedAt.toISOString(),
  conclusive: run.conclusive,
  urlCount: run.urlCount,
});

/**
 * `linkmedic report`: a catalog's availability, failing links with their timelines, deaths and
 * recoveries, and stars and likes, all from history (no network). Throws `INPUT_NOT_FOUND` when
 * the database holds no run of the catalog.
 */
export async function buildHistoryReport(store: HistoryStore, options: HistoryReportOptions): Promise<HistoryReport> {
  const { catalog, since } = options;
  const rules = options.deadRules ?? DEFAULT_DEAD_RULES;
  const [latestRun] = await store.latestRuns(catalog, 1);
  if (!latestRun) {
    throw new LinkmedicError('INPUT_NOT_FOUND', `the history database ${store.location} has no runs of ${catalog}`, 'run linkmedic check first, or pick a catalog with --catalog KEY');
  }
  const results = await store.runResults(latestRun.id);
  const sectionOf = catalogSections(results.flatMap((result) => result.occurrences));
  const placesOf = (result: StoredResult): PlaceReport[] =>
    result.occurrences.map((place) => ({
      file: place.file,
      line: place.line,
      ...(place.entry && { entry: place.entry }),
      ...(place.section.length > 0 && { section: sectionOf(place) }),
    }));

  const links: HistoryLink[] = [];
  const newlyDead: ChangedLink[] = [];
  const recovered: ChangedLink[] = [];
  for (const result of results) {
    // The whole timeline is read anyway (for the window's changes), so the state comes from it too.
    const timeline = await store.linkTimeline(catalog, result.url);
    const window = timeline.filter((point) => point.startedAt >= since);
    const tone = toneOf(result.verdict);
    if (tone !== 'ok' && tone !== 'skipped') {
      links.push({
        ...checkOutcomeOf(result),
        places: placesOf(result),
        history: historySummaryOf(deriveLinkState(result.url, timeline, rules)),
        timeline: window.map((point) => ({
          runId: point.runId,
          startedAt: point.startedAt.toISOString(),
          verdict: point.verdict,
          reason: point.reason,
          ...(!point.conclusive && { inconclusive: true as const }),
        })),
      });
    }
    const change = windowChange(result.url, timeline, since, rules);
    if (!change) continue;
    const [place] = placesOf(result);
    const changed: ChangedLink = {
      url: result.url,
      ...(place?.entry && { entry: place.entry }),
      ...(place?.section && { section: place.section }),
      at: change.at.toISOString(),
      verdict: result.verdict,
      reason: result.reason,
      failedRuns: change.failedRuns,
      ...(change.kind === 'recovered' && { wasConfirmedDead: change.wasConfirmedDead }),
    };
    (change.kind === 'recovered' ? recovered : newlyDead).push(changed);
  }
  links.sort((a, b) => problemRank(a.verdict) - problemRank(b.verdict) || Number(b.history.confirmedDead) - Number(a.history.confirmedDead) || b.history.consecutiveFailures - a.history.consecutiveFailures);

  const summary = Object.fromEntries(VERDICT_NAMES.map((verdict) => [verdict, 0])) as HistoryReport['summary'];
  summary.total = results.length;
  for (const result of results) summary[result.verdict]++;
  const availability = (await store.availabilitySince(catalog, since)).map((run) => ({
    runId: run.id,
    startedAt: run.startedAt.toISOString(),
    conclusive: run.conclusive,
    total: run.urlCount,
    counts: run.counts,
  }));
  return {
    schemaVersion: 1,
    catalog,
    generatedAt: options.now.toISOString(),
    since: since.toISOString(),
    latestRun: runSummary(latestRun),
    runCount: availability.length,
    summary,
    availability,
    links,
    newlyDead: newlyDead.sort((a, b) => b.at.localeCompare(a.at)),
    recovered: recovered.sort((a, b) => b.at.localeCompare(a.at)),
    sections: await sectionPopularity(store, latestRun, results, since),
  };
}
