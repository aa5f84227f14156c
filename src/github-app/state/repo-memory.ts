import type { Verdict } from '../../check/verdict.js';
import type { RepoConfig } from '../../config/repo-config.js';
import type { RunReport } from '../../report/run-report.js';
import type { SqlDriver } from '../../store/sql/sql-driver.js';

/** A recorded run as the app keeps it: enough to bring GitHub up to date without checking again. */
export interface RepoRunRecord {
  runId: number;
  /** `owner/name`, lower-cased. */
  repo: string;
  headSha: string;
  config: RepoConfig;
  report: RunReport;
}

export interface IgnoredUrl {
  url: string;
  by: string;
  at: Date;
}

/** The answer of an on-demand recheck; the next scheduled run supersedes it. */
export interface Recheck {
  url: string;
  at: Date;
  verdict: Verdict;
  detail: string;
  askedBy: string;
}

/** What the app remembers per repository beyond history: recorded runs, checkbox choices, rechecks. */
export class RepoMemory {
  constructor(private readonly sql: SqlDriver) {}

  /**
   * Saves the run and, in the same transaction, marks it checked in the pass (when given). The
   * repository's older records go: only the latest is read back (ticks, commands) besides the one
   * an unfinished pass may still reuse, and each holds a whole report, every night.
   */
  async saveRun(record: RepoRunRecord, pass?: { id: number; now: Date }): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO app_repo_runs (run_id, repo, head_sha, config, report) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (run_id) DO UPDATE SET repo = excluded.repo, head_sha = excluded.head_sha, config = excluded.config, report = excluded.report`,
        [record.runId, record.repo, record.headSha, JSON.stringify(record.config), JSON.stringify(record.report)],
      );
      if (pass) {
        await tx.run(
          `INSERT INTO app_pass_repos (pass_id, repo, state, run_id, updated_at) VALUES (?, ?, 'checked', ?, ?)
           ON CONFLICT (pass_id, repo) DO UPDATE SET state = 'checked', run_id = excluded.run_id, updated_at = excluded.updated_at`,
          [pass.id, record.repo, record.runId, pass.now.getTime()],
        );
      }
      await tx.run(
        `DELETE FROM app_repo_runs WHERE repo = ? AND run_id < ? AND run_id NOT IN (
           SELECT r.run_id FROM app_pass_repos r JOIN app_passes p ON p.id = r.pass_id WHERE p.finished_at IS NULL AND r.run_id IS NOT NULL)`,
        [record.repo, record.runId],
      );
    });
  }

  /**
   * Everything the app keeps about a repository it was removed from: recorded runs, checkbox
   * choices, rechecks and its places in passes. History (runs, results) stays: retention deletes it.
   */
  async forget(repo: string): Promise<void> {
    await this.sql.transaction(async (tx) => {
      for (const table of ['app_repo_runs', 'app_ignored_urls', 'app_rechecks', 'app_pass_repos']) {
        await tx.run(`DELETE FROM ${table} WHERE repo = ?`, [repo]);
      }
    });
  }

  /** The repositories of an account (`owner/…`) the app keeps anything about. */
  async reposOf(account: string): Promise<string[]> {
    const prefix = `${account.toLowerCase()}/`;
    const where = `WHERE substr(repo, 1, ${prefix.length}) = ?`;
    const rows = await this.sql.all<{ repo: string }>(
      ['app_repo_runs', 'app_ignored_urls', 'app_rechecks', 'app_pass_repos'].map((table) => `SELECT repo FROM ${table} ${where}`).join(' UNION ') + ' ORDER BY repo',
      [prefix, prefix, prefix, prefix],
    );
    return rows.map((row) => row.repo);
  }

  async run(runId: number): Promise<RepoRunRecord | undefined> {
    return toRecord(await this.sql.get<RunRow>(`SELECT * FROM app_repo_runs WHERE run_id = ?`, [runId]));
  }

  async latestRun(repo: string): Promise<RepoRunRecord | undefined> {
    return toRecord(await this.sql.get<RunRow>(`SELECT * FROM app_repo_runs WHERE repo = ? ORDER BY run_id DESC LIMIT 1`, [repo]));
  }

  async ignoredUrls(repo: string): Promise<Map<string, IgnoredUrl>> {
    const rows = await this.sql.all<{ url: string; ignored_by: string; ignored_at: number }>(
      `SELECT url, ignored_by, ignored_at FROM app_ignored_urls WHERE repo = ? ORDER BY url`,
      [repo],
    );
    return new Map(rows.map((row) => [row.url, { url: row.url, by: row.ignored_by, at: new Date(row.ignored_at) }]));
  }

  async ignore(repo: string, url: string, by: string, at: Date): Promise<void> {
    await this.sql.run(`INSERT INTO app_ignored_urls (repo, url, ignored_by, ignored_at) VALUES (?, ?, ?, ?) ON CONFLICT (repo, url) DO NOTHING`, [repo, url, by, at.getTime()]);
  }

  async unignore(repo: string, url: string): Promise<void> {
    await this.sql.run(`DELETE FROM app_ignored_urls WHERE repo = ? AND url = ?`, [repo, url]);
  }

  async saveRecheck(repo: string, recheck: Recheck): Promise<void> {
    await this.sql.run(
      `INSERT INTO app_rechecks (repo, url, checked_at, verdict, detail, asked_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (repo, url) DO UPDATE SET checked_at = excluded.checked_at, verdict = excluded.verdict, detail = excluded.detail, asked_by = excluded.asked_by`,
      [repo, recheck.url, recheck.at.getTime(), recheck.verdict, recheck.detail, recheck.askedBy],
    );
  }

  /** Rechecks made after `since` (the latest run's start): older ones are history's business. */
  async rechecksSince(repo: string, since: Date): Promise<Map<string, Recheck>> {
    const rows = await this.sql.all<{ url: string; checked_at: number; verdict: Verdict; detail: string; asked_by: string }>(
      `SELECT url, checked_at, verdict, detail, asked_by FROM app_rechecks WHERE repo = ? AND checked_at >= ?`,
      [repo, since.getTime()],
    );
    return new Map(rows.map((row) => [row.url, { url: row.url, at: new Date(row.checked_at), verdict: row.verdict, detail: row.detail, askedBy: row.asked_by }]));
  }
}

interface RunRow { run_id: number; repo: string; head_sha: string; config: string; report: string }

const toRecord = (row: RunRow | undefined): RepoRunRecord | undefined =>
  row && { runId: row.run_id, repo: row.repo, headSha: row.head_sha, config: JSON.parse(row.config) as RepoConfig, report: JSON.parse(row.report) as RunReport };
