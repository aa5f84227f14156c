import { Command, Option } from 'commander';
import type { CliIo } from '../cli-io.js';
import { OUTPUT_FORMATS } from '../output-formats.js';

export interface ReportFlags {
  since: string;
  format?: string;
  json?: boolean;
  output?: string;
  db?: string;
  catalog?: string;
}

/** `linkmedic report [FILES...]`: the catalog's history (availability, failing links, changes, stars and likes); no network. */
export function reportCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('report')
    .summary('report on a catalog from its history: availability, failing links, changes, stars and likes')
    .description('Report on a catalog from the history database alone (no network): its availability over time, each failing link with its timeline, newly dead and recovered links, and per entry the GitHub stars and Hugging Face likes with their trend. Without FILES or --catalog it reports on the catalog the database was checked for last, and names it on stderr when the database holds others.')
    .argument('[files...]', 'the markdown files or folders `check` was given (default: the catalog checked last)')
    .option('--since <when>', 'start of the window: a span back from now (12h, 30d, 8w) or a date (2026-10-01)', '30d')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
    .option('--json', 'the JSON document (same as --format json)')
    .option('--output <file>', 'write the report to this file instead of stdout')
    .addOption(new Option('--db <path>', 'history database: a file or a postgres:// URL (default .linkmedic/linkmedic.db, or LINKMEDIC_DB, or DATABASE_URL)'))
    .option('--catalog <key>', 'report on this catalog key recorded in the database (e.g. github:owner/repo) instead of FILES or the catalog checked last')
    .action(async (inputs: string[], flags: ReportFlags, command: Command) => (await import('./report-action.js')).reportAction(io, setExitCode, inputs, flags, command));
}
