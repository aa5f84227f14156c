import type { SqlExecutor } from '../sql/sql-driver.js';

/** A table's columns in order, and its primary key's (what rows are paged and compared by). */
export interface TableShape {
  columns: string[];
  primaryKey: string[];
}

/** Reads a table's shape from the database itself, so columns a later migration adds are copied too. */
export async function tableShape(sql: SqlExecutor, table: string): Promise<TableShape> {
  if (sql.dialect === 'sqlite') {
    const rows = await sql.all<{ name: string; pk: number }>(`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`, [table]);
    return { columns: rows.map((row) => row.name), primaryKey: rows.filter((row) => row.pk > 0).sort((a, b) => a.pk - b.pk).map((row) => row.name) };
  }
  const columns = await sql.all<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
    [table],
  );
  const primaryKey = await sql.all<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [table],
  );
  return { columns: columns.map((row) => row.name), primaryKey: primaryKey.map((row) => row.name) };
}

/** Every table of the schema (linkmedic's own version table aside). */
export async function tableNames(sql: SqlExecutor): Promise<string[]> {
  const rows = sql.dialect === 'sqlite'
    ? await sql.all<{ name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    : await sql.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`);
  return rows.map((row) => row.name).filter((name) => name !== 'linkmedic_schema');
}
