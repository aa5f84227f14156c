import type { Database, Statement } from 'better-sqlite3';

// Every SQL statement the store runs, prepared once per connection. Reads that take a run bound
// order by (started_at, id): chronology, with record order breaking ties.
const SQL = {
  insertRun: `INSERT INTO runs (catalog, started_at, finished_at, conclusive) VALUES (?, ?, ?, ?)`,
  insertUrl: `INSERT OR IGNORE INTO urls (url) VALUES (?)`,
  urlId: `SELECT id FROM urls WHERE url = ?`,
  insertResult: `INSERT INTO results (run_id, url_id, verdict, reason, detail, http_status, final_url,
    suggestion_url, suggestion_kind, elapsed_ms, repo_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertOccurrence: `INSERT INTO occurrences (run_id, url_id, seq, file, line_no, column_no, section, entry, table_column)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertGithub: `INSERT INTO github_snapshots (run_id, repo_key, database_id, full_name, stars, forks, archived,
    disabled, private, pushed_at, license, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertHuggingface: `INSERT INTO huggingface_snapshots (run_id, repo_key, hf_id, kind, likes, downloads, gated,
    disabled, private, last_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,

  runsSince: `SELECT id, catalog, started_at, finished_at, conclusive,
      (SELECT count(*) FROM results WHERE run_id = runs.id) AS url_count
    FROM runs WHERE catalog = ? AND started_at >= ? ORDER BY started_at, id`,
  latestRuns: `SELECT id, catalog, started_at, finished_at, conclusive,
      (SELECT count(*) FROM results WHERE run_id = runs.id) AS url_count
    FROM runs WHERE catalog = ? ORDER BY started_at DESC, id DESC LIMIT ?`,
  recordedCatalogs: `SELECT catalog, count(*) AS runs, max(started_at) AS last_started_at
    FROM runs GROUP BY catalog ORDER BY last_started_at DESC, catalog`,
  latestRunAt: `SELECT id FROM runs WHERE catalog = ? AND started_at <= ? ORDER BY started_at DESC, id DESC LIMIT 1`,
  verdictCountsSince: `SELECT res.run_id, res.verdict, count(*) AS n
    FROM runs JOIN results res ON res.run_id = runs.id
    WHERE runs.catalog = ? AND runs.started_at >= ? GROUP BY res.run_id, res.verdict`,
  runUrls: `SELECT urls.url FROM results JOIN urls ON urls.id = results.url_id WHERE results.run_id = ?`,
  urlTimeline: `SELECT runs.id, runs.started_at, runs.finished_at, runs.conclusive, res.verdict, res.reason, res.http_status
    FROM urls JOIN results res ON res.url_id = urls.id JOIN runs ON runs.id = res.run_id
    WHERE urls.url = @url AND runs.catalog = @catalog AND runs.started_at >= @since
      AND (runs.started_at < @untilStartedAt OR (runs.started_at = @untilStartedAt AND runs.id <= @untilId))
    ORDER BY runs.started_at, runs.id`,
  // Newest first, so a caller can stop as soon as it has read enough (see link-states.ts).
  urlTimelineDesc: `SELECT runs.id, runs.started_at, runs.finished_at, runs.conclusive, res.verdict, res.reason, res.http_status
    FROM urls JOIN results res ON res.url_id = urls.id JOIN runs ON runs.id = res.run_id
    WHERE urls.url = @url AND runs.catalog = @catalog
      AND (runs.started_at < @untilStartedAt OR (runs.started_at = @untilStartedAt AND runs.id <= @untilId))
    ORDER BY runs.started_at DESC, runs.id DESC`,
  runResults: `SELECT res.url_id, urls.url, res.verdict, res.reason, res.detail, res.http_status, res.final_url,
      res.suggestion_url, res.suggestion_kind, res.elapsed_ms, res.repo_key
    FROM results res JOIN urls ON urls.id = res.url_id WHERE res.run_id = ? ORDER BY urls.url`,
  runOccurrences: `SELECT url_id, file, line_no, column_no, section, entry, table_column FROM occurrences
    WHERE run_id = ? ORDER BY url_id, seq`,

  githubKeysInRun: `SELECT repo_key FROM github_snapshots WHERE run_id = ?`,
  huggingfaceKeysInRun: `SELECT repo_key FROM huggingface_snapshots WHERE run_id = ?`,
  // The latest snapshot of a repository at or before a time; `database_id` follows renames.
  githubAt: `SELECT g.repo_key, g.database_id, g.full_name, g.stars, g.forks, runs.started_at
    FROM github_snapshots g JOIN runs ON runs.id = g.run_id
    WHERE runs.catalog = @catalog AND runs.started_at <= @at
      AND (g.repo_key = @key OR g.database_id = @databaseId)
    ORDER BY runs.started_at DESC, runs.id DESC LIMIT 1`,
  huggingfaceAt: `SELECT h.repo_key, h.hf_id, h.kind, h.likes, h.downloads, runs.started_at
    FROM huggingface_snapshots h JOIN runs ON runs.id = h.run_id
    WHERE runs.catalog = @catalog AND runs.started_at <= @at AND h.repo_key = @key
    ORDER BY runs.started_at DESC, runs.id DESC LIMIT 1`,
  githubSeriesSince: `SELECT g.repo_key, g.database_id, runs.id AS run_id, runs.started_at, g.stars, g.forks
    FROM github_snapshots g JOIN runs ON runs.id = g.run_id
    WHERE runs.catalog = ? AND runs.started_at >= ? ORDER BY runs.started_at, runs.id`,
  huggingfaceSeriesSince: `SELECT h.repo_key, runs.id AS run_id, runs.started_at, h.likes, h.downloads
    FROM huggingface_snapshots h JOIN runs ON runs.id = h.run_id
    WHERE runs.catalog = ? AND runs.started_at >= ? ORDER BY runs.started_at, runs.id`,
} as const;

export type Statements = { [name in keyof typeof SQL]: Statement<unknown[]> };

export function prepareStatements(db: Database): Statements {
  return Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, db.prepare<unknown[]>(sql)])) as Statements;
}
