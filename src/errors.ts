/**
 * "The tool failed" errors, kept apart from "the link failed" verdicts (see check/verdict.ts).
 * Every error has a stable `code`; callers branch on it, never on message text.
 */
export type ErrorCode =
  | 'USAGE'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_NO_MARKDOWN'
  | 'INPUT_BINARY'
  | 'INPUT_UNREADABLE'
  | 'INPUT_TOO_LARGE'
  | 'CONFIG_INVALID'
  | 'DB_ERROR'
  | 'EXTERNAL_SERVICE'
  /** Another process holds the lease on what this one wanted to write (a repository, the nightly pass): try again later. */
  | 'BUSY'
  | 'INTERNAL';

/**
 * Exit codes of the CLI: 0 no dead link, 1 dead links, 2 usage/input/config error, 3 inconclusive,
 * 4 the history database cannot be used (not ours, newer, locked, unwritable; it is left untouched),
 * 70 an internal error or an outage of a service linkmedic needs, 75 busy: another linkmedic process
 * is writing to the same repository and did not finish in time (sysexits' EX_TEMPFAIL: try again).
 */
export const EXIT = { ok: 0, dead: 1, usage: 2, inconclusive: 3, database: 4, internal: 70, busy: 75 } as const;

export class LinkmedicError extends Error {
  override readonly name = 'LinkmedicError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** A one-line hint for the user on how to fix it. */
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get exitCode(): number {
    if (this.code === 'DB_ERROR') return EXIT.database;
    if (this.code === 'BUSY') return EXIT.busy;
    return this.code === 'INTERNAL' || this.code === 'EXTERNAL_SERVICE' ? EXIT.internal : EXIT.usage;
  }
}

export const isLinkmedicError = (error: unknown): error is LinkmedicError => error instanceof LinkmedicError;
