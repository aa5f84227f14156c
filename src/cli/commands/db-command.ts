import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { EXIT, LinkmedicError } from '../../errors.js';
import { copyStore } from '../../store/copy/copy-store.js';
import { isPostgresUrl } from '../../store/is-postgres-url.js';
import { openStore } from '../../store/open-store.js';
import { redactUrl } from '../../store/sql/postgres-driver.js';
import type { CliIo } from '../cli-io.js';

interface CopyFlags {
  from: string;
  to?: string;
}

/** The Postgres database to fill: `--to`, else `DATABASE_URL`; anything else is refused before anything is opened. */
function copyTarget(flags: CopyFlags, env: CliIo['env']): string {
  const to = flags.to?.trim() || env.DATABASE_URL?.trim();
  if (!to) throw new LinkmedicError('USAGE', 'db copy needs the Postgres database to fill', 'pass --to postgres://USER@HOST/DATABASE, or set DATABASE_URL');
  if (!isPostgresUrl(to)) throw new LinkmedicError('USAGE', `db copy fills a PostgreSQL database, and ${flags.to ? '--to' : 'DATABASE_URL'} is not a postgres:// URL`, 'e.g. --to postgres://linkmedic@db.internal/linkmedic');
  return to;
}

/** `linkmedic db copy --from FILE --to URL`: moves a SQLite history (and the app's state) into Postgres. */
export function dbCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const copy = new Command('copy')
    .description('copy a history database (runs, results, snapshots, the GitHub App state) into an empty PostgreSQL database, ids included, in one transaction')
    .requiredOption('--from <path>', 'the SQLite history file to copy (left as it was, upgraded to this linkmedic\'s schema if older)')
    .option('--to <url>', 'the PostgreSQL database to fill: postgres://USER@HOST/DATABASE (default DATABASE_URL)')
    .action(async (flags: CopyFlags) => {
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
    });
  return new Command('db').description('manage the history database: copy it into PostgreSQL').addCommand(copy);
}
