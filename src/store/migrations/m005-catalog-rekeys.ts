import type { Migration } from './migration.js';

// History keys used to be paths relative to the folder a CLI run started in; they are now the same
// from any folder (see catalog-key.ts). Each old key the CLI has decided about is recorded here:
// the record is what makes the re-key happen once, and what tells a reader where a history went.
// The version bump also keeps an older linkmedic (which would write old keys again) out.
export const m005CatalogRekeys: Migration = {
  version: 5,
  name: 'history: catalog keys re-keyed to the form that does not depend on the working directory',
  sqlite: `
    CREATE TABLE catalog_rekeys (
      old_key TEXT PRIMARY KEY,
      new_key TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('moved', 'merged', 'kept_apart')),
      runs INTEGER NOT NULL, -- runs the old key held when it was decided about
      evidence TEXT NOT NULL, -- why the old key was taken to mean those files
      rekeyed_at INTEGER NOT NULL
    ) STRICT;
  `,
  postgres: `
    CREATE TABLE catalog_rekeys (
      old_key TEXT PRIMARY KEY,
      new_key TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('moved', 'merged', 'kept_apart')),
      runs INTEGER NOT NULL,
      evidence TEXT NOT NULL,
      rekeyed_at BIGINT NOT NULL
    );
  `,
};
