// Every SQL statement the store runs, in the subset SQLite and Postgres share (`?` placeholders).
// Reads that take a run bound order by (started_at, id): chronology, with record order breaking ties.
// A run bound is "started before B, or at B with an id up to I": (B, B, I) are bound in that order.
const RUN_COLUMNS = `id, catalog, started_at, finished_at, conclusive,
      (SELECT count(*) FROM results WHERE run_id = runs.id) AS url_count`;
const TIMELINE_COLUMNS = `runs.id, runs.started_at, runs.finished_at, runs.conclusive, res.verdict, res.reason, res.http_status`;
const TIMELINE_FROM = `FROM urls JOIN results res ON res.url_id = urls.id JOIN runs ON runs.id = res.run_id
    WHERE urls.url = ? AND runs.catalog = ?`;
const UNTIL = `(runs.started_at < ? OR (runs.started_at = ? AND runs.id <= ?))`;

export const SQL = {
  insertRun: `INSERT INTO runs (catalog, started_at, finished_at, conclusive) VALUES (?, ?, ?, ?) RETURNING id`,

  runsSince: `SELECT ${RUN_COLUMNS} FROM runs WHERE catalog = ? AND started_at >= ? ORDER BY started_at, id`,
  latestRuns: `SELECT ${RUN_COLUMNS} FROM runs WHERE catalog = ? ORDER BY started_at DESC, id DESC LIMIT ?`,
  recordedCatalogs: `SELECT catalog, count(*) AS runs, max(started_at) AS last_started_at
    FROM runs GROUP BY catalog ORDER BY last_started_at DESC, catalog`,
  latestRunAt: `SELECT id FROM runs WHERE catalog = ? AND started_at <= ? ORDER BY started_at DESC, id DESC LIMIT 1`,
  verdictCountsSince: `SELECT res.run_id, res.verdict, count(*) AS n
    FROM runs JOIN results res ON res.run_id = runs.id
    WHERE runs.catalog = ? AND runs.started_at >= ? GROUP BY res.run_id, res.verdict`,
  runUrls: `SELECT urls.url FROM results JOIN urls ON urls.id = results.url_id WHERE results.run_id = ?`,
  /** url, catalog, since, then the run bound. */
  urlTimeline: `SELECT ${TIMELINE_COLUMNS} ${TIMELINE_FROM} AND runs.started_at >= ? AND ${UNTIL}
    ORDER BY runs.started_at, runs.id`,
  /** url, catalog, the run bound, limit, offset. Newest first, so a caller can stop once it has read enough (see link-states.ts). */
  urlTimelineDesc: `SELECT ${TIMELINE_COLUMNS} ${TIMELINE_FROM} AND ${UNTIL}
    ORDER BY runs.started_at DESC, runs.id DESC LIMIT ? OFFSET ?`,
  runResults: `SELECT res.url_id, urls.url, res.verdict, res.reason, res.detail, res.http_status, res.final_url,
      res.suggestion_url, res.suggestion_kind, res.elapsed_ms, res.repo_key
    FROM results res JOIN urls ON urls.id = res.url_id WHERE res.run_id = ? ORDER BY urls.url`,
  runOccurrences: `SELECT url_id, file, line_no, column_no, section, entry, table_column FROM occurrences
    WHERE run_id = ? ORDER BY url_id, seq`,

  githubKeysInRun: `SELECT repo_key FROM github_snapshots WHERE run_id = ?`,
  huggingfaceKeysInRun: `SELECT repo_key FROM huggingface_snapshots WHERE run_id = ?`,
  /** catalog, at, key, databaseId. The latest snapshot of a repository at or before a time; `database_id` follows renames. */
  githubAt: `SELECT g.repo_key, g.database_id, g.full_name, g.stars, g.forks, runs.started_at
    FROM github_snapshots g JOIN runs ON runs.id = g.run_id
    WHERE runs.catalog = ? AND runs.started_at <= ? AND (g.repo_key = ? OR g.database_id = ?)
    ORDER BY runs.started_at DESC, runs.id DESC LIMIT 1`,
  /** catalog, at, key. */
  huggingfaceAt: `SELECT h.repo_key, h.hf_id, h.kind, h.likes, h.downloads, runs.started_at
    FROM huggingface_snapshots h JOIN runs ON runs.id = h.run_id
    WHERE runs.catalog = ? AND runs.started_at <= ? AND h.repo_key = ?
    ORDER BY runs.started_at DESC, runs.id DESC LIMIT 1`,
  githubSeriesSince: `SELECT g.repo_key, g.database_id, runs.id AS run_id, runs.started_at, g.stars, g.forks
    FROM github_snapshots g JOIN runs ON runs.id = g.run_id
    WHERE runs.catalog = ? AND runs.started_at >= ? ORDER BY runs.started_at, runs.id`,
  huggingfaceSeriesSince: `SELECT h.repo_key, runs.id AS run_id, runs.started_at, h.likes, h.downloads
    FROM huggingface_snapshots h JOIN runs ON runs.id = h.run_id
    WHERE runs.catalog = ? AND runs.started_at >= ? ORDER BY runs.started_at, runs.id`,
} as const;

/** The run bound's three parameters, in the order `UNTIL` binds them. */
export const untilParams = (bound: { startedAt: number; id: number }): number[] => [bound.startedAt, bound.startedAt, bound.id];
