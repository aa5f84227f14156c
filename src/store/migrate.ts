import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration.js';

/** Written into the file header so a linkmedic database is recognisable ('LkMd'). */
export const LINKMEDIC_APPLICATION_ID = 0x4c6b4d64;

/**
 * Brings the schema up to the last migration; returns the versions applied. IMMEDIATE takes the
 * write lock before reading the version, so two processes opening a fresh file cannot both migrate.
 */
export function migrate(db: Database, migrations: readonly Migration[]): number[] {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${migration.name} is out of order`);
  });
  const apply = db.transaction((): number[] => {
    const current = db.pragma('user_version', { simple: true }) as number;
    const pending = migrations.filter((migration) => migration.version > current);
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    if (current === 0 && pending.length > 0) db.pragma(`application_id = ${LINKMEDIC_APPLICATION_ID}`);
    return pending.map((migration) => migration.version);
  });
  return apply.immediate();
}
