import { LinkmedicError } from '../errors.js';

const DEFAULT_HINT = 'pass --db PATH to use another file, or --no-db for a run without history';

/** A one-line `DB_ERROR` naming the database, e.g. "history database /x/y.db is not a SQLite database". */
export function dbError(path: string, problem: string, { cause, hint = DEFAULT_HINT }: { cause?: unknown; hint?: string } = {}): LinkmedicError {
  return new LinkmedicError('DB_ERROR', `history database ${path} ${problem}`, hint, { cause });
}

/** The driver's own words, for problems where they say more than we can (disk full, locked). */
export const causeText = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));
