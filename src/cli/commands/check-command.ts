import { Command, InvalidArgumentError, Option } from 'commander';
import { readMarkdownFiles } from '../../catalog/read-markdown-files.js';
import { createHttpClient } from '../../http/create-http-client.js';
import { checkCatalog } from '../../pipeline.js';
import { renderCheckText } from '../../report/render-check-text.js';
import { localCatalogKey } from '../../store/catalog-key.js';
import { openStore } from '../../store/open-store.js';
import { resolveDbPath } from '../../store/resolve-db-path.js';
import type { CliIo } from '../cli-io.js';
import { exitCodeFor } from '../exit-code-for.js';

interface CheckFlags {
  json?: boolean;
  timeout?: number;
  concurrency?: number;
  perHost?: number;
  exclude?: RegExp[];
  allowPrivateNetworks?: boolean;
  db?: string | false;
  archive: boolean;
}

const positiveInteger = (value: string): number => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive whole number');
  return number;
};

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
    .description('check every link of the catalog and record the result in history')
    .argument('[files...]', 'markdown files or folders (default: the bundled catalog)')
    .option('--json', 'print the JSON report instead of text')
    .option('--timeout <ms>', 'time budget of each request, in milliseconds', positiveInteger)
    .option('--concurrency <n>', 'requests in flight at once, all hosts together', positiveInteger)
    .option('--per-host <n>', 'requests in flight at once to one host', positiveInteger)
    .option('--exclude <regex>', 'do not check URLs matching this pattern (repeatable)', pattern)
    .option('--allow-private-networks', 'check links to loopback and private addresses (self-hosted use)')
    .addOption(new Option('--db <path>', 'history database (default .linkmedic/linkmedic.db, or LINKMEDIC_DB)'))
    .option('--no-db', 'do not read or write history')
    .option('--no-archive', 'do not ask the Wayback Machine about dead links')
    .action(async (inputs: string[], flags: CheckFlags) => {
      const files = await readMarkdownFiles(inputs, io.cwd);
      const store = openStore({
        path: resolveDbPath({ ...(typeof flags.db === 'string' && { flag: flags.db }), noDb: flags.db === false, env: io.env, cwd: io.cwd }),
      });
      const http = createHttpClient({
        env: { ...io.env }, // a plain copy: process.env is an exotic object schemas refuse
        allowPrivateNetworks: flags.allowPrivateNetworks ?? false,
        ...(flags.timeout && { connectTimeoutMs: Math.min(flags.timeout, 10_000) }),
      });
      try {
        const { report } = await checkCatalog(
          files,
          {
            catalog: localCatalogKey(files.map((file) => file.file), io.cwd),
            check: {
              ...(flags.timeout && { timeoutMs: flags.timeout }),
              ...(flags.concurrency && { concurrency: flags.concurrency }),
              ...(flags.perHost && { perHostConcurrency: flags.perHost }),
            },
            ...(flags.exclude && { exclude: flags.exclude }),
            archive: flags.archive,
          },
          { http, store, env: io.env },
        );
        io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : renderCheckText(report));
        setExitCode(exitCodeFor(report));
      } finally {
        await http.close();
        store.close();
      }
    });
}
