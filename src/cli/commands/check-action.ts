import { Command } from 'commander';
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
import type { CheckFlags } from './check-command.js';
import { exitCodeFor } from '../exit-code-for.js';
import { outputOptionsSchema } from '../output-options.js';
import { parseFlags } from '../parse-flags.js';
import { startProgressBar } from '../progress-bar.js';
import { paintFor } from '../use-color.js';
import { writeOutput } from '../write-output.js';
import { localRootFor } from '../local-root-for.js';
import { rekeyLegacyCatalogs } from '../rekey-legacy-catalogs.js';


/** The window of the HTML page `check --format html` draws from history, as `report` does by default. */
const HTML_WINDOW_MS = 30 * 86_400_000;

/** What `linkmedic check` does once its arguments are parsed (loaded only when it runs). */
export async function checkAction(io: CliIo, setExitCode: (code: number) => void, inputs: string[], flags: CheckFlags, command: Command): Promise<void> {
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
    if (!io.endsWithCommand) await http.close();
    await store.close();
  }
}
