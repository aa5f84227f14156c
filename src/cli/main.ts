import { Command } from 'commander';

/** Entry point of the `linkmedic` command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('linkmedic').description('Link health for curated catalogs.');
  await program.parseAsync(argv, { from: 'user' });
  return 0;
}
