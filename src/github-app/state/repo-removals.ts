import { githubCatalogKey } from '../../store/catalog-key.js';
import { deleteIdleCatalog, type DeletedHistory } from '../../store/delete-idle-catalog.js';
import type { SqlDriver } from '../../store/sql/sql-driver.js';

export interface RepoRemoval {
  /** `owner/name`, lower-cased. */
  repo: string;
  removedAt: Date;
}

/**
 * Repositories taken away from the app (uninstalled, or removed from an installation) and when.
 * Their history is kept for the retention period, then deleted (see prune-removed-history.ts); a
 * repository given back to the app is forgotten here, so its history stays.
 */
export class RepoRemovals {
  constructor(private readonly sql: SqlDriver) {}

  /** `installation.deleted`, `installation_repositories.removed`: the retention counts from `at` (the latest removal). */
  async markRepositoryRemoved(repoKey: string, at: Date): Promise<void> {
    await this.sql.run(
      `INSERT INTO app_removed_repos (repo, removed_at) VALUES (?, ?) ON CONFLICT (repo) DO UPDATE SET removed_at = excluded.removed_at`,
      [repoKey.toLowerCase(), at.getTime()],
    );
  }

  /** The repository is the app's again (installed, added back): nothing of it is deleted. */
  async forgetRepositoryRemoval(repoKey: string): Promise<void> {
    await this.sql.run(`DELETE FROM app_removed_repos WHERE repo = ?`, [repoKey.toLowerCase()]);
  }

  /**
   * Deletes the repository's history and its removal record, if it was removed no later than
   * `cutoff` and has had no run since then; resolves to undefined, changing nothing, otherwise.
   * One transaction: a repository given back to the app meanwhile (its record forgotten or
   * renewed) keeps its history.
   */
  async deleteHistory(repoKey: string, cutoff: Date): Promise<DeletedHistory | undefined> {
    const repo = repoKey.toLowerCase();
    try {
      return await this.sql.transaction(async (tx) => {
        const deleted = await deleteIdleCatalog(tx, githubCatalogKey(repo), cutoff);
        if (!deleted) return undefined;
        // Last, so the row is locked (Postgres) or the file is (SQLite) until the deletion commits.
        if ((await tx.run(`DELETE FROM app_removed_repos WHERE repo = ? AND removed_at <= ?`, [repo, cutoff.getTime()])) === 0) throw new StillWanted();
        return deleted;
      }, { lock: 'repo-removals' });
    } catch (error) {
      if (error instanceof StillWanted) return undefined;
      throw error;
    }
  }

  /** Every recorded removal, oldest first. */
  async list(): Promise<RepoRemoval[]> {
    const rows = await this.sql.all<{ repo: string; removed_at: number }>(`SELECT repo, removed_at FROM app_removed_repos ORDER BY removed_at, repo`);
    return rows.map((row) => ({ repo: row.repo, removedAt: new Date(row.removed_at) }));
  }
}

/** Rolls the deletion back: the repository's removal was forgotten or renewed while it ran. */
class StillWanted extends Error {}
