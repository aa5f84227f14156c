import { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

/** `linkmedic extract [FILES...] [--json]`: links and lint findings, no network. */
export function extractCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('extract')
    .summary('list every link and how it is written; no network')
    .description('List every link of the catalog (as GitHub renders it) and what is wrong with how it is written; no network')
    .argument('[files...]', 'markdown files or folders (default: the bundled catalog)')
    .option('--json', 'print the JSON document instead of text')
    .action(async (files: string[], options: { json?: boolean }) => (await import('./extract-action.js')).extractAction(io, setExitCode, files, options));
}
