import type { Database } from 'better-sqlite3';
import type { Verdict } from '../../check/verdict.js';
import type { RepoConfig } from '../../config/repo-config.js';
import type { RunReport } from '../../report/run-report.js';

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
  constructor(private readonly db: Database) {}

  /**
   * Saves the run and, in the same transaction, marks it checked in the pass (when given). The
   * repository's older records go: only the latest is read back (ticks, commands) besides the one
   * an unfinished pass may still reuse, and each holds a whole report, every night.
   */
  saveRun(record: RepoRunRecord, pass?: { id: number; now: Date }): void {
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT OR REPLACE INTO app_repo_runs (run_id, repo, head_sha, config, report) VALUES (?, ?, ?, ?, ?)`)
        .run(record.runId, record.repo, record.headSha, JSON.stringify(record.config), JSON.stringify(record.report));
      if (pass) {
        this.db
          .prepare(
            `INSERT INTO app_pass_repos (pass_id, repo, state, run_id, updated_at) VALUES (?, ?, 'checked', ?, ?)
             ON CONFLICT (pass_id, repo) DO UPDATE SET state = 'checked', run_id = excluded.run_id, updated_at = excluded.updated_at`,
          )
          .run(pass.id, record.repo, record.runId, pass.now.getTime());
      }
      this.db
        .prepare(
          `DELETE FROM app_repo_runs WHERE repo = ? AND run_id < ? AND run_id NOT IN (
             SELECT r.run_id FROM app_pass_repos r JOIN app_passes p ON p.id = r.pass_id WHERE p.finished_at IS NULL AND r.run_id IS NOT NULL)`,
        )
        .run(record.repo, record.runId);
    }).immediate();
  }

  run(runId: number): RepoRunRecord | undefined {
    return this.#toRecord(this.db.prepare(`SELECT * FROM app_repo_runs WHERE run_id = ?`).get(runId));
  }

  latestRun(repo: string): RepoRunRecord | undefined {
    return this.#toRecord(this.db.prepare(`SELECT * FROM app_repo_runs WHERE repo = ? ORDER BY run_id DESC LIMIT 1`).get(repo));
  }

  ignoredUrls(repo: string): Map<string, IgnoredUrl> {
    const rows = this.db.prepare(`SELECT url, ignored_by, ignored_at FROM app_ignored_urls WHERE repo = ? ORDER BY url`).all(repo) as { url: string; ignored_by: string; ignored_at: number }[];
    return new Map(rows.map((row) => [row.url, { url: row.url, by: row.ignored_by, at: new Date(row.ignored_at) }]));
  }

  ignore(repo: string, url: string, by: string, at: Date): void {
    this.db.prepare(`INSERT OR IGNORE INTO app_ignored_urls (repo, url, ignored_by, ignored_at) VALUES (?, ?, ?, ?)`).run(repo, url, by, at.getTime());
  }

  unignore(repo: string, url: string): void {
    this.db.prepare(`DELETE FROM app_ignored_urls WHERE repo = ? AND url = ?`).run(repo, url);
  }

  saveRecheck(repo: string, recheck: Recheck): void {
    this.db
      .prepare(`INSERT OR REPLACE INTO app_rechecks (repo, url, checked_at, verdict, detail, asked_by) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(repo, recheck.url, recheck.at.getTime(), recheck.verdict, recheck.detail, recheck.askedBy);
  }

  /** Rechecks made after `since` (the latest run's start): older ones are history's business. */
  rechecksSince(repo: string, since: Date): Map<string, Recheck> {
    const rows = this.db.prepare(`SELECT url, checked_at, verdict, detail, asked_by FROM app_rechecks WHERE repo = ? AND checked_at >= ?`).all(repo, since.getTime()) as {
      url: string;
      checked_at: number;
      verdict: Verdict;
      detail: string;
      asked_by: string;
    }[];
    return new Map(rows.map((row) => [row.url, { url: row.url, at: new Date(row.checked_at), verdict: row.verdict, detail: row.detail, askedBy: row.asked_by }]));
  }

  #toRecord(row: unknown): RepoRunRecord | undefined {
    if (!row) return undefined;
    const { run_id, repo, head_sha, config, report } = row as { run_id: number; repo: string; head_sha: string; config: string; report: string };
    return { runId: run_id, repo, headSha: head_sha, config: JSON.parse(config) as RepoConfig, report: JSON.parse(report) as RunReport };
  }
}
