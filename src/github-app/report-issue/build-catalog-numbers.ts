import type { RunReport } from '../../report/run-report.js';
import type { HistoryStore } from '../../store/history-store.js';
import { huggingfaceRepoKey } from '../../store/repo-key.js';
import type { CatalogNumbers, RepoStat } from './report-model.js';

const TOP = 10;
const GAINERS = 5;
const DAY_MS = 86_400_000;

const byValue = (a: RepoStat, b: RepoStat): number => b.value - a.value || a.name.localeCompare(b.name);

/**
 * The catalog's numbers: most stars and likes with their 7- and 30-day changes, the biggest
 * gainers, archived repositories. Stars come with both deltas in the report; likes' 7-day change
 * is read from the stored series (the report carries only the 30-day one).
 */
export async function buildCatalogNumbers(report: RunReport, store: HistoryStore, now: Date): Promise<CatalogNumbers> {
  const stars = new Map<string, RepoStat>();
  const likes = new Map<string, RepoStat>();
  const archived = new Map<string, { name: string; url: string; entry?: string }>();
  for (const link of report.links) {
    const github = link.github;
    if (github && !stars.has(github.fullName.toLowerCase())) {
      stars.set(github.fullName.toLowerCase(), {
        name: github.fullName,
        url: `https://github.com/${github.fullName}`,
        value: github.stars,
        ...(github.starsDelta7d !== undefined && { delta7d: github.starsDelta7d }),
        ...(github.starsDelta30d !== undefined && { delta30d: github.starsDelta30d }),
      });
      const entry = link.occurrences[0]?.entry;
      if (github.archived) archived.set(github.fullName.toLowerCase(), { name: github.fullName, url: `https://github.com/${github.fullName}`, ...(entry && { entry }) });
    }
    const hub = link.huggingface;
    if (hub && !likes.has(`${hub.kind}:${hub.id}`)) {
      const prefix = hub.kind === 'model' ? '' : `${hub.kind}s/`;
      likes.set(`${hub.kind}:${hub.id}`, {
        name: hub.kind === 'model' ? hub.id : `${hub.kind}s/${hub.id}`,
        url: `https://huggingface.co/${prefix}${hub.id}`,
        value: hub.likes,
        ...(hub.likesDelta30d !== undefined && { delta30d: hub.likesDelta30d }),
      });
    }
  }
  await addLikes7d(likes, report, store, now);
  const gainers = [
    ...[...stars.values()].map((stat) => ({ ...stat, metric: 'stars' as const })),
    ...[...likes.values()].map((stat) => ({ ...stat, metric: 'likes' as const })),
  ]
    .filter((stat) => (stat.delta7d ?? 0) > 0)
    .sort((a, b) => b.delta7d! - a.delta7d! || a.name.localeCompare(b.name))
    .slice(0, GAINERS);
  return {
    topStars: [...stars.values()].sort(byValue).slice(0, TOP),
    topLikes: [...likes.values()].sort(byValue).slice(0, TOP),
    gainers,
    archived: [...archived.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

async function addLikes7d(likes: Map<string, RepoStat>, report: RunReport, store: HistoryStore, now: Date): Promise<void> {
  if (likes.size === 0 || !store.persistent) return;
  const keys = [...likes.keys()].map((kindAndId) => {
    const [kind, ...id] = kindAndId.split(':');
    return huggingfaceRepoKey(kind as 'model' | 'dataset' | 'space', id.join(':'));
  });
  const series = await store.repoSeries(report.catalog, new Date(now.getTime() - 8 * DAY_MS), keys);
  const weekAgo = now.getTime() - 7 * DAY_MS;
  for (const [kindAndId, stat] of likes) {
    const [kind, ...id] = kindAndId.split(':');
    const points = series.get(huggingfaceRepoKey(kind as 'model' | 'dataset' | 'space', id.join(':')))?.points ?? [];
    const then = points.filter((point) => point.at.getTime() <= weekAgo).at(-1);
    if (then) stat.delta7d = stat.value - then.value;
  }
}
