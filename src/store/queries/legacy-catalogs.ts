import { legacyKeyPaths } from '../legacy-catalog-key.js';
import type { SqlExecutor } from '../sql/sql-driver.js';

/** An old-form `local:` key (relative paths) still holding runs, not yet decided about. */
export interface LegacyCatalog {
  catalog: string;
  /** Its relative paths, as the key lists them. */
  paths: string[];
}

/** Old-form keys with runs and no `catalog_rekeys` record, the oldest history first. */
export async function legacyCatalogs(tx: SqlExecutor): Promise<LegacyCatalog[]> {
  const rows = await tx.all<{ catalog: string }>(`SELECT catalog FROM runs
    WHERE catalog LIKE 'local:%' AND catalog NOT IN (SELECT old_key FROM catalog_rekeys)
    GROUP BY catalog ORDER BY min(started_at), catalog`);
  return rows.flatMap(({ catalog }) => {
    const paths = legacyKeyPaths(catalog);
    return paths ? [{ catalog, paths }] : [];
  });
}
