import type { Migration } from './migration.js';

// With a queue, a pass's repositories run as separate jobs on several workers: the pass records
// how many it set out to bring up to date, so whichever job settles the last one closes it.
export const m006PassPlan: Migration = {
  version: 6,
  name: 'github app: the number of repositories a queued nightly pass planned',
  sqlite: `
    -- NULL for a pass walked by one process, which closes it itself.
    ALTER TABLE app_passes ADD COLUMN planned INTEGER;
  `,
  postgres: `
    ALTER TABLE app_passes ADD COLUMN planned INTEGER;
  `,
};
