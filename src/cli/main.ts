import { Command, CommanderError } from 'commander';
import { EXIT, isLinkmedicError } from '../errors.js';
import { processIo, type CliIo } from './cli-io.js';
import { checkCommand } from './commands/check-command.js';
import { extractCommand } from './commands/extract-command.js';

function describeFailure(error: unknown, debug: boolean): string {
  if (isLinkmedicError(error)) return `linkmedic: ${error.message}${error.hint ? ` (${error.hint})` : ''}`;
  const message = error instanceof Error ? error.message : String(error);
  const detail = debug && error instanceof Error && error.stack ? `\n${error.stack}` : ' (run with --debug for details)';
  return `linkmedic: internal error: ${message}${detail}`;
}

/** Entry point of the `linkmedic` command; returns the process exit code, never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const debug = argv.includes('--debug');
  const program = new Command('linkmedic')
    .description('Link health for curated catalogs of datasets, models and papers.')
    .option('--debug', 'print stack traces for internal errors')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run linkmedic --help for usage)');
  for (const command of [checkCommand(io, setExitCode), extractCommand(io, setExitCode)]) {
    program.addCommand(command.exitOverride().configureOutput(program.configureOutput()));
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they have already been printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr.write(`${describeFailure(error, debug)}\n`);
    return isLinkmedicError(error) ? error.exitCode : EXIT.internal;
  }
}
