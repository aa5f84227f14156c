import pg from 'pg';
import type { SqlDriver, SqlExecutor, SqlParam, TransactionOptions } from './sql-driver.js';
import { redactUrl } from './redact-url.js';
import { SqlFailure } from './sql-failure.js';

// int8 (counts, BIGINT ids and epoch milliseconds) and numeric arrive as strings by default;
// every such value history keeps fits a double exactly (milliseconds until the year 287396).
const NUMBER_TYPES = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMBER_TYPES.has(oid) ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** `?` placeholders (the shared dialect) as Postgres's `$1, $2, …`. No statement of ours has `?` in a literal. */
export function toPostgresPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/**
 * Postgres behind the driver interface: a pool, each transaction on one client. Write
 * transactions may name a lock: a transaction-scoped advisory lock, so read-then-write sequences
 * that SQLite serialises with `BEGIN IMMEDIATE` are serialised across processes here too.
 */
export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  readonly location: string;
  readonly pool: pg.Pool;
  readonly #direct: SqlExecutor;

  constructor(url: string, options: { max?: number } = {}) {
    this.location = redactUrl(url);
    this.pool = new pg.Pool({ connectionString: url, types, max: options.max ?? 4 });
    // An idle client losing its connection (a server restart) must not crash the process.
    this.pool.on('error', () => undefined);
    this.#direct = executor(this.pool);
  }

  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.#direct.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.#direct.get<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlParam[]): Promise<number> {
    return this.#direct.run(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.#direct.exec(sql);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>, { mode = 'write', lock }: TransactionOptions = {}): Promise<T> {
    const client = await this.pool.connect().catch((error: unknown) => {
      throw toSqlFailure(error);
    });
    const tx = executor(client);
    const locked = lock !== undefined && mode === 'write';
    try {
      // Waited for before BEGIN, not inside the transaction: a backend refreshes its catalog caches
      // when a transaction starts, so it then sees the tables the previous holder just created.
      if (locked) await tx.run(`SELECT pg_advisory_lock(hashtext(?))`, [`linkmedic:${lock}`]);
      await tx.exec(mode === 'read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
      const result = await work(tx);
      await tx.exec('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // The lock belongs to the session: released here, or with the connection if that broke.
      const unlocked = locked ? await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`linkmedic:${lock}`]).then(() => true, () => false) : true;
      client.release(unlocked ? undefined : new Error('connection broken while unlocking'));
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function executor(target: pg.Pool | pg.PoolClient): SqlExecutor {
  const query = async <T>(sql: string, params: readonly SqlParam[]): Promise<pg.QueryResult<T & pg.QueryResultRow>> => {
    try {
      return await target.query<T & pg.QueryResultRow>(toPostgresPlaceholders(sql), params as SqlParam[]);
    } catch (error) {
      throw toSqlFailure(error);
    }
  };
  return {
    dialect: 'postgres',
    all: async <T>(sql: string, params: readonly SqlParam[] = []) => (await query<T>(sql, params)).rows,
    get: async <T>(sql: string, params: readonly SqlParam[] = []) => (await query<T>(sql, params)).rows[0],
    run: async (sql: string, params: readonly SqlParam[] = []) => (await query(sql, params)).rowCount ?? 0,
    exec: async (sql: string) => {
      try {
        await target.query(sql);
      } catch (error) {
        throw toSqlFailure(error);
      }
    },
  };
}

/** Server errors carry a SQLSTATE; connection failures a Node error code (ECONNREFUSED, ENOTFOUND). */
function toSqlFailure(error: unknown): unknown {
  if (error instanceof pg.DatabaseError) return new SqlFailure(error.code ?? 'postgres', error.message, { cause: error });
  const code = (error as { code?: unknown } | undefined)?.code;
  if (error instanceof Error && typeof code === 'string') return new SqlFailure(code, error.message || code, { cause: error });
  if (error instanceof Error && /Connection terminated|timeout exceeded when trying to connect/i.test(error.message)) {
    return new SqlFailure('connection', error.message, { cause: error });
  }
  return error;
}
