import { Command, InvalidArgumentError } from 'commander';
import type { CliIo } from '../cli-io.js';

const fullName = (value: string): string => {
  if (!/^[\w.-]+\/[\w.-]+$/.test(value)) throw new InvalidArgumentError('expected OWNER/NAME');
  return value;
};

/** `linkmedic run --repo OWNER/NAME`: one repository now, whatever its schedule says. */
export function runCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('run')
    .description('check one repository the app is installed on now and bring its issues, fix pull request and report up to date')
    .requiredOption('--repo <owner/name>', 'the repository', fullName)
    .action(async (flags: { repo: string }) => (await import('./run-action.js')).runAction(io, setExitCode, flags));
}
