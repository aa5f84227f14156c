import type { Migration } from './migration.js';

// What the Wayback Machine said about a dead URL: a capture's address, or none (NULL). Answers
// are reused for a while instead of asking every night for every dead link; a failed lookup
// (the API slow or down) is not an answer and is never stored.
export const m003ArchiveLookups: Migration = {
  version: 3,
  name: 'remembered Wayback Machine answers',
  sqlite: `
    CREATE TABLE archive_lookups (
      url TEXT PRIMARY KEY,
      checked_at INTEGER NOT NULL,
      snapshot_url TEXT
    ) STRICT, WITHOUT ROWID;
  `,
  postgres: `
    CREATE TABLE archive_lookups (
      url TEXT PRIMARY KEY,
      checked_at BIGINT NOT NULL,
      snapshot_url TEXT
    );
  `,
};
