import { dbError } from '../db-error.js';
import type { SqlDriver, SqlExecutor, SqlParam } from '../sql/sql-driver.js';
import { insertRows } from '../sql/insert-rows.js';
import { COPIED_TABLES } from './copied-tables.js';
import { tableShape, type TableShape } from './table-shape.js';

/** Rows read from the source per query: bounded memory for a history of any size. */
const PAGE = 2_000;

export interface CopiedTable {
  table: string;
  rows: number;
}

/**
 * Copies every history and app-state table from `source` into `target` (Postgres, migrated to the
 * same version and empty) row for row, ids included, in one transaction on the target, then moves
 * each identity sequence past the largest copied id so the next run recorded there gets a new one.
 * The source is read in one snapshot. A target that already holds rows is refused untouched.
 */
export async function copyStore(source: SqlDriver, target: SqlDriver): Promise<CopiedTable[]> {
  if (target.dialect !== 'postgres') throw new Error('copyStore writes to Postgres only');
  return source.transaction(
    (from) =>
      target.transaction(
        async (to) => {
          await assertEmpty(to, target.location);
          const copied: CopiedTable[] = [];
          for (const table of COPIED_TABLES) copied.push({ table, rows: await copyTable(from, to, table, await tableShape(to, table)) });
          await resetIdentities(to);
          return copied;
        },
        { lock: 'migrate' },
      ),
    { mode: 'read' },
  );
}

async function assertEmpty(to: SqlExecutor, location: string): Promise<void> {
  for (const table of COPIED_TABLES) {
    const row = await to.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
    if (row && row.n > 0) {
      throw dbError(location, `already holds linkmedic data (${row.n} rows in ${table}); db copy only fills an empty database`, {
        hint: 'point --to at a new database or schema; nothing was written',
      });
    }
  }
}

/** Pages through the source in primary-key order (keyset, not OFFSET: every page costs the same). */
async function copyTable(from: SqlExecutor, to: SqlExecutor, table: string, { columns, primaryKey }: TableShape): Promise<number> {
  const select = `SELECT ${columns.join(', ')} FROM ${table}`;
  const order = ` ORDER BY ${primaryKey.join(', ')} LIMIT ${PAGE}`;
  const after = ` WHERE (${primaryKey.join(', ')}) > (${primaryKey.map(() => '?').join(', ')})`;
  let copied = 0;
  let last: SqlParam[] | undefined;
  for (;;) {
    const rows = await from.all<Record<string, SqlParam>>(`${select}${last ? after : ''}${order}`, last ?? []);
    if (rows.length === 0) return copied;
    await insertRows(to, table, columns, rows.map((row) => columns.map((column) => row[column] ?? null)));
    copied += rows.length;
    const end = rows.at(-1)!;
    last = primaryKey.map((column) => end[column] ?? null);
    if (rows.length < PAGE) return copied;
  }
}

/** Ids were copied as they were: each identity continues after the largest one. */
async function resetIdentities(to: SqlExecutor): Promise<void> {
  const identities = await to.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name`,
  );
  for (const { table_name: table, column_name: column } of identities) {
    await to.get(`SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max(${column}), 0) + 1, false) FROM ${table}`, [table, column]);
  }
}
