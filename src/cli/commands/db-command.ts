import { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

export interface CopyFlags {
  from: string;
  to?: string;
}

/** `linkmedic db copy --from FILE --to URL`: moves a SQLite history (and the app's state) into Postgres. */
export function dbCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const copy = new Command('copy')
    .description('copy a history database (runs, results, snapshots, the GitHub App state) into an empty PostgreSQL database, ids included, in one transaction')
    .requiredOption('--from <path>', 'the SQLite history file to copy (left as it was, upgraded to this linkmedic\'s schema if older)')
    .option('--to <url>', 'the PostgreSQL database to fill: postgres://USER@HOST/DATABASE (default DATABASE_URL)')
    .action(async (flags: CopyFlags) => (await import('./db-action.js')).dbAction(io, setExitCode, flags));
  return new Command('db').description('manage the history database: copy it into PostgreSQL').addCommand(copy);
}
