import { Command, InvalidArgumentError, Option } from 'commander';
import { readMarkdownFiles } from '../../catalog/read-markdown-files.js';
import { resolveTimeouts } from '../../check/resolve-timeouts.js';
import { createHttpClient } from '../../http/create-http-client.js';
import { checkCatalog } from '../../pipeline.js';
import { buildHistoryReport } from '../../report/build-history-report.js';
import { renderCheckMarkdown } from '../../report/render-check-markdown.js';
import { renderCheckText } from '../../report/render-check-text.js';
import { renderHistoryHtml } from '../../report/render-history-html.js';
import { localCatalogKey } from '../../store/catalog-key.js';
import { openStore } from '../../store/open-store.js';
import { resolveDbPath } from '../../store/resolve-db-path.js';
import type { CliIo } from '../cli-io.js';
import { exitCodeFor } from '../exit-code-for.js';
import { OUTPUT_FORMATS, outputOptionsSchema } from '../output-options.js';
import { parseFlags } from '../parse-flags.js';
import { startProgressBar } from '../progress-bar.js';
import { paintFor } from '../use-color.js';
import { writeOutput } from '../write-output.js';
import { localRootFor } from '../local-root-for.js';
import { rekeyLegacyCatalogs } from '../rekey-legacy-catalogs.js';

interface CheckFlags {
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

/** The window of the HTML page `check --format html` draws from history, as `report` does by default. */
const HTML_WINDOW_MS = 30 * 86_400_000;

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
    .action(async (inputs: string[], flags: CheckFlags, command: Command) => {
      // `--format` has a default; only an explicit one may contradict `--json`.
      const explicitFormat = command.getOptionValueSource('format') === 'cli' ? flags.format : undefined;
      const { format, output } = parseFlags(outputOptionsSchema, { format: explicitFormat, json: flags.json, output: flags.output }, 'see linkmedic check --help');
      const files = await readMarkdownFiles(inputs, io.cwd);
      const now = io.now ?? (() => new Date());
      const dbPath = resolveDbPath({ ...(typeof flags.db === 'string' && { flag: flags.db }), noDb: flags.db === false, env: io.env, cwd: io.cwd });
      const store = await openStore({ path: dbPath, now });
      const http = createHttpClient({
        env: { ...io.env }, // a plain copy: process.env is an exotic object schemas refuse
        allowPrivateNetworks: flags.allowPrivateNetworks ?? false,
        ...(flags.timeout && { connectTimeoutMs: resolveTimeouts(flags.timeout).connect }),
      });
      const progress = startProgressBar(io);
      try {
        const shown = files.map((file) => file.file);
        await rekeyLegacyCatalogs(store, { cwd: io.cwd, dbPath, files: shown }, io);
        const catalog = await localCatalogKey(shown, { cwd: io.cwd });
        const { report } = await checkCatalog(
          files,
          {
            catalog,
            check: {
              ...(flags.timeout && { timeoutMs: flags.timeout }),
              ...(flags.concurrency && { concurrency: flags.concurrency }),
              ...(flags.perHost && { perHostConcurrency: flags.perHost }),
              ...(progress && { onProgress: progress.onProgress }),
            },
            ...(flags.exclude && { exclude: flags.exclude }),
            archive: flags.archive,
            local: { baseDir: io.cwd, root: localRootFor(files.map((file) => file.file), io.cwd) },
          },
          { http, store, env: io.env, now },
        );
        progress?.stop();
        const paint = output ? undefined : paintFor(io.stdout, io.env);
        const rendered =
          format === 'json' ? `${JSON.stringify(report, null, 2)}\n`
          : format === 'markdown' ? renderCheckMarkdown(report)
          : format === 'html' ? renderHistoryHtml(await buildHistoryReport(store, { catalog, since: new Date(now().getTime() - HTML_WINDOW_MS), now: now() }))
          : renderCheckText(report, paint);
        await writeOutput(io, rendered, output);
        setExitCode(exitCodeFor(report));
      } finally {
        progress?.stop();
        await http.close();
        await store.close();
      }
    });
}
