import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXIT, LinkmedicError } from '../../errors.js';
import { copyStore } from '../../store/copy/copy-store.js';
import { isPostgresUrl } from '../../store/is-postgres-url.js';
import { openStore } from '../../store/open-store.js';
import { redactUrl } from '../../store/sql/redact-url.js';
import type { CliIo } from '../cli-io.js';
import type { CopyFlags } from './db-command.js';


/** The Postgres database to fill: `--to`, else `DATABASE_URL`; anything else is refused before anything is opened. */
function copyTarget(flags: CopyFlags, env: CliIo['env']): string {
  const to = flags.to?.trim() || env.DATABASE_URL?.trim();
  if (!to) throw new LinkmedicError('USAGE', 'db copy needs the Postgres database to fill', 'pass --to postgres://USER@HOST/DATABASE, or set DATABASE_URL');
  if (!isPostgresUrl(to)) throw new LinkmedicError('USAGE', `db copy fills a PostgreSQL database, and ${flags.to ? '--to' : 'DATABASE_URL'} is not a postgres:// URL`, 'e.g. --to postgres://linkmedic@db.internal/linkmedic');
  return to;
}

/** What `linkmedic db` does once its arguments are parsed (loaded only when it runs). */
export async function dbAction(io: CliIo, setExitCode: (code: number) => void, flags: CopyFlags): Promise<void> {
  const to = copyTarget(flags, io.env);
  const from = isPostgresUrl(flags.from) ? flags.from.trim() : resolve(io.cwd, flags.from);
  // Opening a missing file would create an empty history, and copy nothing.
  if (!isPostgresUrl(from) && !existsSync(from)) throw new LinkmedicError('INPUT_NOT_FOUND', `no history database at ${from}`, 'pass --from the file linkmedic check or serve wrote (LINKMEDIC_DB)');
  const source = await openStore({ path: from });
  try {
    const target = await openStore({ path: to });
    try {
      // One transaction on the target: a failure part-way leaves it as empty as it was.
      const copied = await target.guard(`copying ${source.location} into it (nothing was written)`, () => copyStore(source.sql, target.sql));
      const width = Math.max(...copied.map(({ table }) => table.length));
      for (const { table, rows } of copied) io.stdout.write(`${table.padEnd(width)}  ${rows}\n`);
      const total = copied.reduce((sum, { rows }) => sum + rows, 0);
      io.stdout.write(`copied ${total} rows from ${source.location} to ${redactUrl(to)}\n`);
      setExitCode(EXIT.ok);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
