/**
 * The tables `db copy` moves, parents before children (foreign keys). Leases are left behind on
 * purpose: they belong to processes running against the old database now, not to its history.
 * A test fails when a migration adds a table that is in neither list.
 */
export const COPIED_TABLES = [
  'runs',
  'urls',
  'results',
  'occurrences',
  'github_snapshots',
  'huggingface_snapshots',
  'archive_lookups',
  'catalog_rekeys',
  'app_passes',
  'app_pass_repos',
  'app_repo_runs',
  'app_ignored_urls',
  'app_rechecks',
  'app_removed_repos',
] as const;

export const NOT_COPIED_TABLES = ['app_leases'] as const;
