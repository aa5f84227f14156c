import type { HistoryStore } from '../../store/history-store.js';
import type { StoredResult } from '../../store/queries/run-results.js';
import type { RunSummary } from '../../store/queries/run-summary.js';
import type { RepoPopularity, SectionPopularity } from '../history-report.js';
import { catalogSections } from './catalog-sections.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * Stars and likes of every repository the latest run linked to, with their 7- and 30-day change
 * as of that run and their series over the window, grouped by section in catalog order; within
 * a section the most popular first.
 */
export async function sectionPopularity(store: HistoryStore, latestRun: RunSummary, results: readonly StoredResult[], since: Date): Promise<SectionPopularity[]> {
  const firstUrl = new Map<string, StoredResult>();
  for (const result of [...results].sort(byCatalogOrder)) {
    if (result.repoKey && !firstUrl.has(result.repoKey)) firstUrl.set(result.repoKey, result);
  }
  const keys = [...firstUrl.keys()];
  const trends = await store.repoTrends(latestRun.catalog, { at: latestRun.startedAt, keys });
  const series = await store.repoSeries(latestRun.catalog, since, keys);
  const sectionOf = catalogSections(results.flatMap((result) => result.occurrences));
  const sections = new Map<string, RepoPopularity[]>();
  for (const [key, result] of firstUrl) {
    const trend = trends.get(key);
    if (!trend) continue;
    const place = result.occurrences[0];
    const repo: RepoPopularity = {
      key,
      host: trend.host,
      name: trend.host === 'github' ? trend.fullName : trend.id,
      url: result.url,
      ...(place?.entry && { entry: place.entry }),
      metric: trend.host === 'github' ? 'stars' : 'likes',
      value: trend.host === 'github' ? trend.stars : trend.likes,
      ...(trend.host === 'github' && trend.starsDelta7d !== undefined && { delta7d: trend.starsDelta7d }),
      ...(trend.host === 'github' && trend.starsDelta30d !== undefined && { delta30d: trend.starsDelta30d }),
      ...(trend.host === 'huggingface' && trend.likesDelta30d !== undefined && { delta30d: trend.likesDelta30d }),
      series: (series.get(key)?.points ?? []).map((point) => ({ runId: point.runId, at: point.at.toISOString(), value: point.value })),
    };
    // History keeps no 7-day change of likes; the window's series gives it by the same rule.
    if (trend.host === 'huggingface') {
      const weekAgo = latestRun.startedAt.getTime() - WEEK_MS;
      const base = repo.series.findLast((point) => Date.parse(point.at) <= weekAgo);
      if (base) repo.delta7d = repo.value - base.value;
    }
    const name = place ? sectionOf(place) : '';
    sections.set(name, [...(sections.get(name) ?? []), repo]);
  }
  return [...sections].map(([section, repos]) => ({ section, repos: repos.sort((a, b) => Number(b.metric === 'stars') - Number(a.metric === 'stars') || b.value - a.value) }));
}

function byCatalogOrder(a: StoredResult, b: StoredResult): number {
  const [pa, pb] = [a.occurrences[0], b.occurrences[0]];
  if (!pa || !pb) return pa ? -1 : pb ? 1 : 0;
  return pa.file.localeCompare(pb.file) || pa.line - pb.line || pa.column - pb.column;
}
