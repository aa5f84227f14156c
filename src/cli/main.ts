import { Command, CommanderError, type OutputConfiguration } from 'commander';
import { EXIT, isLinkmedicError } from '../errors.js';
import { processIo, type CliIo } from './cli-io.js';
import { checkCommand } from './commands/check-command.js';
import { dbCommand } from './commands/db-command.js';
import { extractCommand } from './commands/extract-command.js';
import { reportCommand } from './commands/report-command.js';
import { runCommand } from './commands/run-command.js';
import { runNightlyCommand } from './commands/run-nightly-command.js';
import { serveCommand } from './commands/serve-command.js';
import { workerCommand } from './commands/worker-command.js';
import { packageVersion } from './package-version.js';

function describeFailure(error: unknown, debug: boolean): string {
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}${error.cause instanceof Error && error.cause.stack ? `\ncaused by: ${error.cause.stack}` : ''}` : '';
  if (isLinkmedicError(error)) return `linkmedic: ${error.message}${error.hint ? ` (${error.hint})` : ''}${stack}`;
  const message = error instanceof Error ? error.message : String(error);
  return `linkmedic: internal error: ${message}${stack || ' (run with --debug for details)'}`;
}

const HELP_AFTER = `
Examples:
  linkmedic check                              check the bundled catalog (history in .linkmedic/)
  linkmedic check README.md --format markdown  a table of problems to paste into an issue
  linkmedic report --format html --output report.html
                                               availability, failing links, stars and likes, from history

Exit codes: 0 ok, 1 dead links found, 2 usage, input or config error, 3 inconclusive (linkmedic was offline), 4 unusable history database, 70 internal error, 75 busy (another linkmedic process is writing to the repository: try again).
Run linkmedic help <command> for a command's options.`;

/** Commander's output, with its errors made one line that names the help to read. */
function outputFor(io: CliIo, name: string): OutputConfiguration {
  return {
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    getOutHelpWidth: () => io.stdout.columns ?? 80,
    getErrHelpWidth: () => io.stderr.columns ?? 80,
    outputError: (text, write) => {
      const message = text.trim().replace(/^error: /, '').replace(/\s*\n\s*\(Did you mean (.+)\)$/, '; did you mean $1').replace(/\s*\n\s*/g, ' ');
      write(`linkmedic: ${message} (run ${name} --help for usage)\n`);
    },
  };
}

// The bin installs it before running `main` (a process-wide setting, so not done by `main` itself).
export { sizeYoungGeneration } from '../size-young-generation.js';

/** Entry point of the `linkmedic` command; returns the process exit code, never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const debug = argv.includes('--debug');
  const program = new Command('linkmedic')
    .description('Link health for curated catalogs of datasets, models and papers: checks every link, remembers, reports.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--debug', 'print stack traces with errors')
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText('after', HELP_AFTER)
    .exitOverride()
    .configureOutput(outputFor(io, 'linkmedic'));
  const commands = [
    checkCommand(io, setExitCode),
    extractCommand(io, setExitCode),
    reportCommand(io, setExitCode),
    serveCommand(io, setExitCode),
    workerCommand(io, setExitCode),
    runNightlyCommand(io, setExitCode),
    runCommand(io, setExitCode),
    dbCommand(io, setExitCode),
  ];
  // Subcommands (`db copy`) get the same one-line errors; commander does not pass them down.
  const configure = (command: Command, name: string): Command => {
    for (const sub of command.commands) configure(sub, `${name} ${sub.name()}`);
    return command.exitOverride().configureOutput(outputFor(io, name));
  };
  for (const command of commands) program.addCommand(configure(command, `linkmedic ${command.name()}`));
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
