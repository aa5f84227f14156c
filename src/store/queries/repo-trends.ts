import type { SqlExecutor } from '../sql/sql-driver.js';
import { SQL } from '../statements.js';
import type { GithubTrend, HuggingfaceTrend, RepoTrend } from './repo-trend.js';

const DAY_MS = 86_400_000;

interface GithubRow { repo_key: string; database_id: number | null; full_name: string; stars: number; forks: number; started_at: number }
interface HuggingfaceRow { repo_key: string; hf_id: string; kind: HuggingfaceTrend['kind']; likes: number; downloads: number | null; started_at: number }

/**
 * Each repository's value at `at` (its latest snapshot at or before it) minus its value at the
 * latest snapshot at or before `at - 7 d` / `at - 30 d`. Without `keys`: every repository the
 * catalog's latest run at or before `at` snapshotted. GitHub history is matched by database id
 * as well, so a renamed repository keeps its trend.
 */
export async function repoTrends(tx: SqlExecutor, catalog: string, at: Date, keys?: readonly string[]): Promise<Map<string, RepoTrend>> {
  const wanted = keys ?? (await keysOfLatestRun(tx, catalog, at.getTime()));
  const trends = new Map<string, RepoTrend>();
  for (const key of wanted) {
    const trend = key.startsWith('github:') ? await githubTrend(tx, catalog, key, at.getTime()) : await huggingfaceTrend(tx, catalog, key, at.getTime());
    if (trend) trends.set(key, trend);
  }
  return trends;
}

async function keysOfLatestRun(tx: SqlExecutor, catalog: string, at: number): Promise<string[]> {
  const run = await tx.get<{ id: number }>(SQL.latestRunAt, [catalog, at]);
  if (!run) return [];
  const rows = [...(await tx.all<{ repo_key: string }>(SQL.githubKeysInRun, [run.id])), ...(await tx.all<{ repo_key: string }>(SQL.huggingfaceKeysInRun, [run.id]))];
  return rows.map((row) => row.repo_key);
}

async function githubTrend(tx: SqlExecutor, catalog: string, key: string, at: number): Promise<GithubTrend | undefined> {
  const lookup = (when: number, databaseId: number | null): Promise<GithubRow | undefined> => tx.get<GithubRow>(SQL.githubAt, [catalog, when, key, databaseId]);
  const now = await lookup(at, null);
  if (!now) return undefined;
  const delta = async (days: number): Promise<number | undefined> => {
    const then = await lookup(at - days * DAY_MS, now.database_id);
    return then ? now.stars - then.stars : undefined;
  };
  return {
    host: 'github', key, fullName: now.full_name, stars: now.stars, forks: now.forks, at: new Date(now.started_at),
    starsDelta7d: await delta(7), starsDelta30d: await delta(30),
  };
}

async function huggingfaceTrend(tx: SqlExecutor, catalog: string, key: string, at: number): Promise<HuggingfaceTrend | undefined> {
  const lookup = (when: number): Promise<HuggingfaceRow | undefined> => tx.get<HuggingfaceRow>(SQL.huggingfaceAt, [catalog, when, key]);
  const now = await lookup(at);
  if (!now) return undefined;
  const then = await lookup(at - 30 * DAY_MS);
  return {
    host: 'huggingface', key, id: now.hf_id, kind: now.kind, likes: now.likes, at: new Date(now.started_at),
    ...(now.downloads === null ? {} : { downloads: now.downloads }),
    likesDelta30d: then ? now.likes - then.likes : undefined,
  };
}
