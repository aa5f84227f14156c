import type { SqlExecutor } from '../sql/sql-driver.js';
import { SQL } from '../statements.js';

/** One repository's popularity over time: GitHub stars or Hugging Face likes, oldest first. */
export interface RepoSeries {
  metric: 'stars' | 'likes';
  points: { runId: number; at: Date; value: number }[];
}

interface SeriesRow { repo_key: string; run_id: number; started_at: number }
interface GithubRow extends SeriesRow { database_id: number | null; stars: number }
interface HuggingfaceRow extends SeriesRow { likes: number }

/**
 * Stars and likes per repository since `since`, keyed as `repoTrends` keys them (all repositories
 * unless `keys` narrows it). A renamed GitHub repository's points are gathered under its latest key.
 */
export async function repoSeries(tx: SqlExecutor, catalog: string, since: Date, keys?: readonly string[]): Promise<Map<string, RepoSeries>> {
  const github = await tx.all<GithubRow>(SQL.githubSeriesSince, [catalog, since.getTime()]);
  const huggingface = await tx.all<HuggingfaceRow>(SQL.huggingfaceSeriesSince, [catalog, since.getTime()]);
  // Rows come oldest first, so the last key seen for a database id is its current name.
  const currentKey = new Map<number, string>();
  for (const row of github) if (row.database_id != null) currentKey.set(row.database_id, row.repo_key);
  const series = new Map<string, RepoSeries>();
  const add = (key: string, metric: RepoSeries['metric'], row: SeriesRow, value: number): void => {
    if (keys && !keys.includes(key)) return;
    const entry = series.get(key) ?? { metric, points: [] };
    entry.points.push({ runId: row.run_id, at: new Date(row.started_at), value });
    series.set(key, entry);
  };
  for (const row of github) add(currentKey.get(row.database_id ?? -1) ?? row.repo_key, 'stars', row, row.stars);
  for (const row of huggingface) add(row.repo_key, 'likes', row, row.likes);
  return series;
}
