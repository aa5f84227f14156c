import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { z } from 'zod';
import { readMarkdownFiles } from '../../catalog/read-markdown-files.js';
import { LinkmedicError } from '../../errors.js';
import { buildHistoryReport } from '../../report/build-history-report.js';
import { renderHistoryHtml } from '../../report/render-history-html.js';
import { renderHistoryMarkdown } from '../../report/render-history-markdown.js';
import { renderHistoryText } from '../../report/render-history-text.js';
import { formatDay } from '../../report/text-format.js';
import { localCatalogKey } from '../../store/catalog-key.js';
import type { HistoryStore } from '../../store/history-store.js';
import { isPostgresUrl } from '../../store/is-postgres-url.js';
import { openStore } from '../../store/open-store.js';
import { MEMORY_DB, resolveDbPath } from '../../store/resolve-db-path.js';
import type { CliIo } from '../cli-io.js';
import type { ReportFlags } from './report-command.js';
import { outputOptionsSchema } from '../output-options.js';
import { parseFlags } from '../parse-flags.js';
import { sinceSchema } from '../since-schema.js';
import { rekeyLegacyCatalogs } from '../rekey-legacy-catalogs.js';
import { paintFor } from '../use-color.js';
import { writeOutput } from '../write-output.js';


const HINT = 'see linkmedic report --help';

function reportFlagsSchema(now: Date) {
  return z.object({
    since: sinceSchema(now),
    catalog: z.string().trim().min(1, { error: 'needs a catalog key, e.g. github:owner/repo or bundled:awesome-medical-healthcare-dataset-for-llm.md' }).optional(),
    db: z.string().optional(),
  });
}

/** One line listing what the database does hold, so the user can pick with --catalog. */
async function recordedHint(store: HistoryStore): Promise<string> {
  const recorded = await store.recordedCatalogs();
  if (recorded.length === 0) return 'the database holds no runs yet: run linkmedic check first';
  const listed = recorded.map((entry) => `${entry.catalog} (${entry.runs} run${entry.runs === 1 ? '' : 's'}, last ${formatDay(entry.lastRunAt.toISOString())})`);
  return `pick one with --catalog KEY: ${listed.join(', ')}`;
}

/** With neither --catalog nor FILES: the catalog checked last, named on stderr when there was a choice. */
async function lastChecked(store: HistoryStore, io: CliIo): Promise<string> {
  const [latest, ...others] = await store.recordedCatalogs();
  if (!latest) throw new LinkmedicError('INPUT_NOT_FOUND', `the history database ${store.location} holds no runs yet`, 'run linkmedic check first');
  if (others.length > 0) {
    io.stderr.write(`linkmedic: reporting on ${latest.catalog} (the database also holds: ${others.map((entry) => entry.catalog).join(', ')}; pick with --catalog KEY)\n`);
  }
  return latest.catalog;
}

/** What `linkmedic report` does once its arguments are parsed (loaded only when it runs). */
export async function reportAction(io: CliIo, setExitCode: (code: number) => void, inputs: string[], flags: ReportFlags, command: Command): Promise<void> {
  const now = (io.now ?? (() => new Date()))();
  const explicitFormat = command.getOptionValueSource('format') === 'cli' ? flags.format : undefined;
  const { format, output } = parseFlags(outputOptionsSchema, { format: explicitFormat, json: flags.json, output: flags.output }, HINT);
  const { since, catalog: chosen, db } = parseFlags(reportFlagsSchema(now), flags, HINT);
  if (chosen && inputs.length > 0) throw new LinkmedicError('USAGE', '--catalog and FILES name the catalog twice', 'pass one of them');
  const path = resolveDbPath({ ...(db !== undefined && { flag: db }), env: io.env, cwd: io.cwd });
  if (path === MEMORY_DB) throw new LinkmedicError('USAGE', 'report reads a history database, and :memory: holds none', 'pass --db PATH');
  // Opening would create an empty database; a report on nothing is a mistake worth naming.
  if (!isPostgresUrl(path) && !existsSync(path)) throw new LinkmedicError('INPUT_NOT_FOUND', `no history database at ${path}`, 'run linkmedic check first, which records history there, or pass --db PATH');
  const files = inputs.length > 0 ? (await readMarkdownFiles(inputs, io.cwd)).map((file) => file.file) : undefined;
  const store = await openStore({ path, now: () => now });
  try {
    await rekeyLegacyCatalogs(store, { cwd: io.cwd, dbPath: path, ...(files && { files }) }, io);
    const catalog = chosen ?? (files ? await localCatalogKey(files, { cwd: io.cwd }) : await lastChecked(store, io));
    if ((await store.latestRuns(catalog, 1)).length === 0) {
      throw new LinkmedicError('INPUT_NOT_FOUND', `the history database ${store.location} has no runs of ${catalog}`, await recordedHint(store));
    }
    const report = await buildHistoryReport(store, { catalog, since, now });
    const rendered =
      format === 'json' ? `${JSON.stringify(report, null, 2)}\n`
      : format === 'markdown' ? renderHistoryMarkdown(report)
      : format === 'html' ? renderHistoryHtml(report)
      : renderHistoryText(report, output ? undefined : paintFor(io.stdout, io.env));
    await writeOutput(io, rendered, output);
    setExitCode(0);
  } finally {
    await store.close();
  }
}
