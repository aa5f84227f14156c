import { resolve } from 'node:path';
import { LinkmedicError } from '../errors.js';
import { isPostgresUrl } from './is-postgres-url.js';

/** Where the history lives when neither `--db` nor `LINKMEDIC_DB` says otherwise (relative to cwd). */
export const DEFAULT_DB_PATH = '.linkmedic/linkmedic.db';

/** SQLite's name for a database that lives in memory only: what `--no-db` runs use. */
export const MEMORY_DB = ':memory:';

export interface DbPathOptions {
  /** `--db PATH` as the user typed it. */
  flag?: string;
  /** `--no-db`: run without history (an in-memory store; no file is touched). */
  noDb?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

/**
 * `--no-db` > `--db PATH|URL` > `LINKMEDIC_DB` > `DATABASE_URL` > `.linkmedic/linkmedic.db`: a
 * `postgres://` URL as given, a file as an absolute path, or `:memory:`. `DATABASE_URL` counts only
 * when it is a Postgres URL: hosts set it for other databases too, and those are not linkmedic's.
 * Empty variables count as unset, as shells leave them after `export X=`.
 */
export function resolveDbPath({ flag, noDb = false, env = process.env, cwd = process.cwd() }: DbPathOptions = {}): string {
  if (noDb && flag !== undefined) {
    throw new LinkmedicError('USAGE', '--db and --no-db cannot be used together', 'keep one of them');
  }
  if (noDb) return MEMORY_DB;
  if (flag !== undefined && flag.trim() === '') {
    throw new LinkmedicError('USAGE', '--db needs a file path or a postgres:// URL', 'e.g. --db .linkmedic/linkmedic.db');
  }
  const databaseUrl = env.DATABASE_URL?.trim();
  const chosen = flag ?? (env.LINKMEDIC_DB?.trim() ? env.LINKMEDIC_DB : undefined) ?? (databaseUrl && isPostgresUrl(databaseUrl) ? databaseUrl : undefined) ?? DEFAULT_DB_PATH;
  if (isPostgresUrl(chosen)) return chosen.trim();
  return chosen === MEMORY_DB ? MEMORY_DB : resolve(cwd, chosen);
}
