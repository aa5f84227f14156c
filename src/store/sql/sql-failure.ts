/**
 * A database driver's own error (SQLite's SqliteError, a Postgres error or a refused connection),
 * wrapped so the store can tell "the database failed" from a bug without knowing the driver.
 */
export class SqlFailure extends Error {
  override readonly name = 'SqlFailure';
  constructor(
    /** The driver's code: `SQLITE_BUSY`, a Postgres SQLSTATE such as `40P01`, `ECONNREFUSED`. */
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isSqlFailure = (error: unknown): error is SqlFailure => error instanceof SqlFailure;
