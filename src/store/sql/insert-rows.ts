import type { SqlExecutor, SqlParam } from './sql-driver.js';

/** Rows per statement: few round trips to Postgres, well under SQLite's 32,766 parameters. */
const ROWS_PER_STATEMENT = 200;

/**
 * Inserts rows with multi-row `VALUES` statements. Chunks are full-size except the last, so a
 * run of any size prepares at most two statement texts per table. `suffix` follows the VALUES
 * (e.g. `ON CONFLICT DO NOTHING`).
 */
export async function insertRows(tx: SqlExecutor, table: string, columns: readonly string[], rows: readonly (readonly SqlParam[])[], suffix = ''): Promise<void> {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')} ${suffix}`;
    await tx.run(sql, chunk.flat());
  }
}

/**
 * Runs `SELECT … WHERE column IN (…)` over `values` in chunks and concatenates the rows;
 * `leading` binds the placeholders `select` has before the list.
 */
export async function selectIn<T>(tx: SqlExecutor, select: string, values: readonly SqlParam[], leading: readonly SqlParam[] = []): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < values.length; start += ROWS_PER_STATEMENT) {
    const chunk = values.slice(start, start + ROWS_PER_STATEMENT);
    rows.push(...(await tx.all<T>(`${select} IN (${chunk.map(() => '?').join(', ')})`, [...leading, ...chunk])));
  }
  return rows;
}
