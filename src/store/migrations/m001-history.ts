import type { Migration } from './migration.js';

// Times are epoch milliseconds (INTEGER): they sort and compare in SQL without parsing.
// URLs are interned so a year of nightly results does not repeat each URL 365 times.
export const m001History: Migration = {
  version: 1,
  name: 'history: runs, results, occurrences, repository snapshots',
  sql: `
    CREATE TABLE runs (
      id INTEGER PRIMARY KEY,
      catalog TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      finished_at INTEGER NOT NULL,
      conclusive INTEGER NOT NULL CHECK (conclusive IN (0, 1)),
      CHECK (finished_at >= started_at)
    ) STRICT;
    CREATE INDEX runs_by_catalog ON runs (catalog, started_at, id);

    CREATE TABLE urls (
      id INTEGER PRIMARY KEY,
      url TEXT NOT NULL UNIQUE
    ) STRICT;

    CREATE TABLE results (
      run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      url_id INTEGER NOT NULL REFERENCES urls (id),
      verdict TEXT NOT NULL,
      reason TEXT NOT NULL,
      detail TEXT NOT NULL,
      http_status INTEGER,
      final_url TEXT,
      suggestion_url TEXT,
      suggestion_kind TEXT,
      elapsed_ms INTEGER NOT NULL,
      repo_key TEXT, -- the GitHub or Hugging Face repository the URL points at, as snapshotted in this run
      PRIMARY KEY (run_id, url_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX results_by_url ON results (url_id, run_id);

    CREATE TABLE occurrences (
      run_id INTEGER NOT NULL,
      url_id INTEGER NOT NULL,
      seq INTEGER NOT NULL, -- order within the catalog
      file TEXT NOT NULL,
      line_no INTEGER NOT NULL,
      column_no INTEGER NOT NULL,
      section TEXT NOT NULL, -- JSON array of headings
      entry TEXT,
      table_column TEXT,
      PRIMARY KEY (run_id, url_id, seq),
      FOREIGN KEY (run_id, url_id) REFERENCES results (run_id, url_id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE github_snapshots (
      run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      repo_key TEXT NOT NULL,
      database_id INTEGER,
      full_name TEXT NOT NULL,
      stars INTEGER NOT NULL,
      forks INTEGER NOT NULL,
      archived INTEGER NOT NULL,
      disabled INTEGER NOT NULL,
      private INTEGER NOT NULL,
      pushed_at INTEGER,
      license TEXT,
      description TEXT,
      PRIMARY KEY (run_id, repo_key)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX github_snapshots_by_repo ON github_snapshots (repo_key, run_id);
    -- A renamed repository keeps its database id: trends follow it across the rename.
    CREATE INDEX github_snapshots_by_id ON github_snapshots (database_id, run_id) WHERE database_id IS NOT NULL;

    CREATE TABLE huggingface_snapshots (
      run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      repo_key TEXT NOT NULL,
      hf_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('model', 'dataset', 'space')),
      likes INTEGER NOT NULL,
      downloads INTEGER,
      gated TEXT NOT NULL, -- 'false', 'true', 'auto' or 'manual', as the Hub says
      disabled INTEGER NOT NULL,
      private INTEGER NOT NULL,
      last_modified INTEGER,
      PRIMARY KEY (run_id, repo_key)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX huggingface_snapshots_by_repo ON huggingface_snapshots (repo_key, run_id);
  `,
};
