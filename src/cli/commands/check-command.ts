import { Command, InvalidArgumentError, Option } from 'commander';
import type { CliIo } from '../cli-io.js';
import { positiveInteger } from '../positive-integer.js';
import { OUTPUT_FORMATS } from '../output-formats.js';

export interface CheckFlags {
  json?: boolean;
  format?: string;
  output?: string;
  timeout?: number;
  concurrency?: number;
  perHost?: number;
  exclude?: RegExp[];
  allowPrivateNetworks?: boolean;
  db?: string | false;
  archive: boolean;
}

const pattern = (value: string, previous: RegExp[] = []): RegExp[] => {
  try {
    return [...previous, new RegExp(value)];
  } catch {
    throw new InvalidArgumentError('expected a regular expression');
  }
};

/** `linkmedic check [FILES...]`: a verdict for every link, history recorded, exit code for CI. */
export function checkCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('check')
    .summary('check every link of the catalog and record the result in history')
    .description('Check every link of the catalog (the bundled one by default): GitHub and Hugging Face links through their APIs, the rest over HTTP. Each result is recorded in the history database under the catalog\'s key, the same from any folder (in a git work tree its repository and path, else its absolute path; the bundled catalog by its name); history decides when a failing link counts as confirmed dead.')
    .argument('[files...]', 'markdown files or folders (default: the bundled catalog)')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
    .option('--json', 'the JSON report (same as --format json)')
    .option('--output <file>', 'write the report to this file instead of stdout')
    .option('--timeout <ms>', 'time budget of each request, in milliseconds', positiveInteger)
    .option('--concurrency <n>', 'requests in flight at once, all hosts together', positiveInteger)
    .option('--per-host <n>', 'requests in flight at once to one host', positiveInteger)
    .option('--exclude <regex>', 'do not check URLs matching this pattern (repeatable)', pattern)
    .option('--allow-private-networks', 'check links to loopback and private addresses (self-hosted use)')
    .addOption(new Option('--db <path>', 'history database: a file or a postgres:// URL (default .linkmedic/linkmedic.db, or LINKMEDIC_DB, or DATABASE_URL)'))
    .option('--no-db', 'do not read or write history')
    .option('--no-archive', 'do not ask the Wayback Machine about dead links')
    .addHelpText('after', '\nExit codes: 0 no dead link, 1 dead links found, 2 usage, input or config error, 3 inconclusive (linkmedic was offline), 4 unusable history database, 70 internal error.')
    .action(async (inputs: string[], flags: CheckFlags, command: Command) => (await import('./check-action.js')).checkAction(io, setExitCode, inputs, flags, command));
}
