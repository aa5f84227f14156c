import { causeText, dbError } from './db-error.js';
import { migrate, schemaVersion } from './migrate.js';
import type { Migration } from './migrations/migration.js';
import { PostgresDriver } from './sql/postgres-driver.js';
import { isSqlFailure } from './sql/sql-failure.js';

const HINT = 'check DATABASE_URL (or --db): the server, database, user and that it accepts connections';

/**
 * Connects to Postgres and migrates under an advisory lock, so replicas starting together migrate
 * once. A schema that has linkmedic's tables without its version table, or a newer version, is
 * refused untouched.
 */
export async function openPostgres(url: string, migrations: readonly Migration[], now: Date): Promise<PostgresDriver> {
  const driver = new PostgresDriver(url);
  try {
    const version = await driver.transaction((tx) => schemaVersion(tx), { mode: 'read' });
    if (version > migrations.length) {
      throw dbError(driver.location, `was written by a newer linkmedic (schema ${version}; this one knows up to ${migrations.length})`, {
        hint: 'upgrade linkmedic, or point DATABASE_URL at another database',
      });
    }
    if (version === 0 && (await driver.get<{ present: boolean }>(`SELECT to_regclass('runs') IS NOT NULL AS present`))?.present) {
      throw dbError(driver.location, 'has a table named runs but no linkmedic schema version: it is not a linkmedic history', {
        hint: 'use an empty database or schema (options=-c search_path=…)',
      });
    }
    await migrate(driver, migrations, now);
    return driver;
  } catch (error) {
    await driver.close().catch(() => undefined);
    if (isSqlFailure(error)) throw dbError(driver.location, `cannot be used: ${causeText(error)}`, { cause: error, hint: HINT });
    throw error;
  }
}
