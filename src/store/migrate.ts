import type { Migration } from './migrations/migration.js';
import type { SqlDriver, SqlExecutor } from './sql/sql-driver.js';

/** Written into a SQLite file's header so a linkmedic database is recognisable ('LkMd'). */
export const LINKMEDIC_APPLICATION_ID = 0x4c6b4d64;

/** Postgres keeps the applied versions in a table (SQLite in its header's `user_version`). */
const POSTGRES_VERSIONS = `CREATE TABLE IF NOT EXISTS linkmedic_schema (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`;

/** The last migration applied (0 for a new database). */
export async function schemaVersion(tx: SqlExecutor): Promise<number> {
  if (tx.dialect === 'sqlite') return (await tx.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
  const exists = await tx.get<{ present: boolean }>(`SELECT to_regclass('linkmedic_schema') IS NOT NULL AS present`);
  if (!exists?.present) return 0;
  return (await tx.get<{ version: number | null }>('SELECT max(version) AS version FROM linkmedic_schema'))?.version ?? 0;
}

/**
 * Brings the schema up to the last migration; returns the versions applied. The version is read
 * under the write lock (SQLite `BEGIN IMMEDIATE`, a Postgres advisory lock), so two processes
 * opening a new database together migrate it once.
 */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[], now: Date = new Date()): Promise<number[]> {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${migration.name} is out of order`);
  });
  return driver.transaction(
    async (tx) => {
      const current = await schemaVersion(tx);
      const pending = migrations.filter((migration) => migration.version > current);
      if (tx.dialect === 'postgres' && pending.length > 0) await tx.exec(POSTGRES_VERSIONS);
      for (const migration of pending) {
        await tx.exec(tx.dialect === 'sqlite' ? migration.sqlite : migration.postgres);
        if (tx.dialect === 'sqlite') await tx.exec(`PRAGMA user_version = ${migration.version}`);
        else await tx.run('INSERT INTO linkmedic_schema (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, now.getTime()]);
      }
      if (tx.dialect === 'sqlite' && current === 0 && pending.length > 0) await tx.exec(`PRAGMA application_id = ${LINKMEDIC_APPLICATION_ID}`);
      return pending.map((migration) => migration.version);
    },
    { lock: 'migrate' },
  );
}
