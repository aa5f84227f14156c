import type { Migration } from './migration.js';

// Repositories taken away from the app (uninstalled, or removed from an installation). Their
// history is kept for LINKMEDIC_HISTORY_RETENTION_DAYS, then deleted; a repository given back to
// the app loses its row here, so history of an installed repository is never deleted.
export const m004RemovedRepositories: Migration = {
  version: 4,
  name: 'github app: repositories removed from the app',
  sqlite: `
    CREATE TABLE app_removed_repos (
      repo TEXT PRIMARY KEY, -- owner/name, lower-cased
      removed_at INTEGER NOT NULL
    ) STRICT;
  `,
  postgres: `
    CREATE TABLE app_removed_repos (
      repo TEXT PRIMARY KEY,
      removed_at BIGINT NOT NULL
    );
  `,
};
