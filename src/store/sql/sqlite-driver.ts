import type { SqlDriver, SqlExecutor, SqlParam, TransactionOptions } from './sql-driver.js';
import { SqlFailure } from './sql-failure.js';

/** The part of a synchronous SQLite binding the driver uses: better-sqlite3's shape. */
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  close(): unknown;
  readonly inTransaction: boolean;
}

export interface SqliteStatement {
  all(...params: SqlParam[]): unknown[];
  get(...params: SqlParam[]): unknown;
  run(...params: SqlParam[]): { changes: number | bigint };
}

/** The queue of each database file's calls in this process, shared by all its connections. */
const queues = new Map<string, { tail: Promise<unknown> }>();

/**
 * SQLite behind the async driver interface. The binding is synchronous, so every call is queued:
 * while one transaction awaits between its statements, no other caller's statement can slip into
 * it. Connections to the same file in one process share the queue: otherwise one would wait on
 * the other's write lock synchronously, in the very thread the other needs to finish.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  readonly #statements = new Map<string, SqliteStatement>();
  readonly #queue: { tail: Promise<unknown> };
  readonly #direct: SqlExecutor;

  constructor(
    readonly connection: SqliteConnection,
    readonly location: string,
  ) {
    const shared = location === ':memory:' ? undefined : queues.get(location);
    this.#queue = shared ?? { tail: Promise.resolve() };
    if (!shared && location !== ':memory:') queues.set(location, this.#queue);
    this.#direct = {
      dialect: 'sqlite',
      all: async <T>(sql: string, params: readonly SqlParam[] = []) => this.#call(() => this.#prepare(sql).all(...params) as T[]),
      get: async <T>(sql: string, params: readonly SqlParam[] = []) => this.#call(() => this.#prepare(sql).get(...params) as T | undefined),
      run: async (sql: string, params: readonly SqlParam[] = []) => this.#call(() => Number(this.#prepare(sql).run(...params).changes)),
      exec: async (sql: string) => this.#call(() => void this.connection.exec(sql)),
    };
  }

  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.#serial(() => this.#direct.all<T>(sql, params));
  }

  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.#serial(() => this.#direct.get<T>(sql, params));
  }

  run(sql: string, params?: readonly SqlParam[]): Promise<number> {
    return this.#serial(() => this.#direct.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.#serial(() => this.#direct.exec(sql));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>, { mode = 'write' }: TransactionOptions = {}): Promise<T> {
    return this.#serial(async () => {
      // IMMEDIATE takes the write lock before the first read, so a read-then-write is atomic
      // across processes too; DEFERRED reads one snapshot (WAL) without blocking writers.
      await this.#direct.exec(mode === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN DEFERRED');
      try {
        const result = await work(this.#direct);
        await this.#direct.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.connection.inTransaction) this.connection.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.#serial(async () => {
      this.#statements.clear();
      this.connection.close();
    });
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.tail.then(work, work);
    this.#queue.tail = result.catch(() => undefined);
    return result;
  }

  #prepare(sql: string): SqliteStatement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #call<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw toSqlFailure(error);
    }
  }
}

/** better-sqlite3 throws `SqliteError` with a `SQLITE_…` code; anything else is not the database's. */
export function toSqlFailure(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_')) {
    return new SqlFailure(code, error.message.split('\n')[0] ?? '', { cause: error });
  }
  return error;
}
