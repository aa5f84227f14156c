import type { Migration } from './migration.js';

// The GitHub App's own state, beside the history it records. Repositories are keyed by their
// lower-cased `owner/name` (GitHub names are case-insensitive). GitHub stays the source of truth
// for everything humans decide there (closed issues and pull requests); these tables hold what
// GitHub cannot: where a nightly pass got to, the run a repository's GitHub writes are based on,
// and choices made through the report's checkboxes.
export const m002GithubApp: Migration = {
  version: 2,
  name: 'github app: passes, recorded repository runs, checkbox choices, leases',
  sql: `
    -- One walk over every installation. A pass without finished_at was cut short and is resumed.
    CREATE TABLE app_passes (
      id INTEGER PRIMARY KEY,
      started_at INTEGER NOT NULL,
      finished_at INTEGER,
      trigger TEXT NOT NULL
    ) STRICT;

    -- Where each repository stands in a pass. 'checked' means its run is recorded but GitHub is
    -- not yet up to date: a resumed pass reuses run_id instead of checking again.
    CREATE TABLE app_pass_repos (
      pass_id INTEGER NOT NULL REFERENCES app_passes (id) ON DELETE CASCADE,
      repo TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('checked', 'done', 'failed', 'skipped')),
      run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      detail TEXT NOT NULL DEFAULT '',
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (pass_id, repo)
    ) STRICT, WITHOUT ROWID;

    -- What a recorded run was made of, so GitHub can be brought up to date from it later
    -- (a resumed pass, a ticked checkbox) without checking every link again.
    CREATE TABLE app_repo_runs (
      run_id INTEGER PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
      repo TEXT NOT NULL,
      head_sha TEXT NOT NULL,
      config TEXT NOT NULL, -- JSON: the RepoConfig the run used
      report TEXT NOT NULL  -- JSON: the RunReport
    ) STRICT;
    CREATE INDEX app_repo_runs_by_repo ON app_repo_runs (repo, run_id);

    -- URLs a maintainer asked to ignore from the report issue's checkboxes.
    CREATE TABLE app_ignored_urls (
      repo TEXT NOT NULL,
      url TEXT NOT NULL,
      ignored_by TEXT NOT NULL,
      ignored_at INTEGER NOT NULL,
      PRIMARY KEY (repo, url)
    ) STRICT, WITHOUT ROWID;

    -- On-demand rechecks (checkbox or /linkmedic recheck): shown until the next run supersedes them.
    CREATE TABLE app_rechecks (
      repo TEXT NOT NULL,
      url TEXT NOT NULL,
      checked_at INTEGER NOT NULL,
      verdict TEXT NOT NULL,
      detail TEXT NOT NULL,
      asked_by TEXT NOT NULL,
      PRIMARY KEY (repo, url)
    ) STRICT, WITHOUT ROWID;

    -- Cross-process exclusion for nightly passes: a holder renews expires_at while it runs.
    CREATE TABLE app_leases (
      name TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    ) STRICT;
  `,
};
