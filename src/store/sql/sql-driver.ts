/** A value a statement binds: history stores times as epoch milliseconds and flags as 0/1. */
export type SqlParam = string | number | null;

/** Which SQL the backend speaks; statements are written in the subset both understand. */
export type SqlDialect =
  /** SQLite through better-sqlite3 (the default file), or a WASM build (the GitHub Action). */
  | 'sqlite'
  /** PostgreSQL through `pg`, for a service with many processes. */
  | 'postgres';

/**
 * Runs statements written with `?` placeholders in the SQL both dialects share (`ON CONFLICT`,
 * `RETURNING`, no `INSERT OR …`). Inside a transaction this is the transaction's connection.
 */
export interface SqlExecutor {
  readonly dialect: SqlDialect;
  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  /** Runs a statement that returns no rows; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlParam[]): Promise<number>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface TransactionOptions {
  /**
   * `write` (default) takes the write lock up front, so a read-then-write cannot interleave with
   * another process's (SQLite `BEGIN IMMEDIATE`; Postgres also takes the advisory lock `lock`).
   * `read` is one consistent snapshot for queries made of several statements.
   */
  mode?: 'write' | 'read';
  /** Postgres: serialises transactions with the same name across processes (an advisory lock). */
  lock?: string;
}

/** One database connection (SQLite) or pool (Postgres) with transactions. */
export interface SqlDriver extends SqlExecutor {
  /** What error messages name: the file path, `:memory:`, or the Postgres URL without its password. */
  readonly location: string;
  /**
   * Runs `work` in one transaction, committed when it resolves and rolled back when it throws.
   * `work` must use the executor it is given, never the driver itself (that would wait for itself).
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
