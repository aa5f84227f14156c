import type { Statements } from '../statements.js';
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
export function repoTrends(statements: Statements, catalog: string, at: Date, keys?: readonly string[]): Map<string, RepoTrend> {
  const wanted = keys ?? keysOfLatestRun(statements, catalog, at.getTime());
  const trends = new Map<string, RepoTrend>();
  for (const key of wanted) {
    const trend = key.startsWith('github:') ? githubTrend(statements, catalog, key, at.getTime()) : huggingfaceTrend(statements, catalog, key, at.getTime());
    if (trend) trends.set(key, trend);
  }
  return trends;
}

function keysOfLatestRun(statements: Statements, catalog: string, at: number): string[] {
  const run = statements.latestRunAt.get(catalog, at) as { id: number } | undefined;
  if (!run) return [];
  const rows = [...statements.githubKeysInRun.all(run.id), ...statements.huggingfaceKeysInRun.all(run.id)];
  return (rows as { repo_key: string }[]).map((row) => row.repo_key);
}

function githubTrend(statements: Statements, catalog: string, key: string, at: number): GithubTrend | undefined {
  const lookup = (when: number, databaseId: number | null): GithubRow | undefined =>
    statements.githubAt.get({ catalog, key, databaseId, at: when }) as GithubRow | undefined;
  const now = lookup(at, null);
  if (!now) return undefined;
  const delta = (days: number): number | undefined => {
    const then = lookup(at - days * DAY_MS, now.database_id);
    return then ? now.stars - then.stars : undefined;
  };
  return {
    host: 'github', key, fullName: now.full_name, stars: now.stars, forks: now.forks, at: new Date(now.started_at),
    starsDelta7d: delta(7), starsDelta30d: delta(30),
  };
}

function huggingfaceTrend(statements: Statements, catalog: string, key: string, at: number): HuggingfaceTrend | undefined {
  const lookup = (when: number): HuggingfaceRow | undefined =>
    statements.huggingfaceAt.get({ catalog, key, at: when }) as HuggingfaceRow | undefined;
  const now = lookup(at);
  if (!now) return undefined;
  const then = lookup(at - 30 * DAY_MS);
  return {
    host: 'huggingface', key, id: now.hf_id, kind: now.kind, likes: now.likes, at: new Date(now.started_at),
    ...(now.downloads === null ? {} : { downloads: now.downloads }),
    likesDelta30d: then ? now.likes - then.likes : undefined,
  };
}
