import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLED_CATALOG } from '../catalog/read-markdown-files.js';
import { bundledCatalogKey, localCatalogKey } from '../store/catalog-key.js';
import type { HistoryStore } from '../store/history-store.js';
import { isPostgresUrl } from '../store/is-postgres-url.js';
import { legacyCatalogKey } from '../store/legacy-catalog-key.js';
import type { CatalogRekey, RekeyResult } from '../store/rekey-catalogs.js';
import type { CliIo } from './cli-io.js';

// An old key names paths relative to a folder the database never recorded, so it is only re-keyed
// on evidence of which folder that was, never by trying wherever linkmedic happens to run (a shared
// database's `local:README.md` would resolve in any folder with a README):
// 1. this command's own files give exactly that key from the working directory: the old linkmedic,
//    run here, continued that history, so the new one does too;
// 2. the key is the bundled catalog's path (`…/catalog/awesome-….md`): it names that catalog
//    from whatever folder it ran in;
// 3. the database is a `.linkmedic/` folder's, the default location, which is relative to the
//    working directory: the runs it holds ran from the folder holding `.linkmedic/`, so the key's
//    files are looked up from there and re-keyed when they all exist.
// Keys with no such evidence stay as they are (still listed, still readable with --catalog) and
// are looked at again next time.

export interface RekeyContext {
  cwd: string;
  /** The database: a file path, or a Postgres URL. */
  dbPath: string;
  /** The files this command reads, as shown (relative to `cwd` when inside it), if it was given any. */
  files?: readonly string[];
}

/** The folder the default database location is relative to, when `dbPath` is such a location. */
function homeOf(dbPath: string): string | undefined {
  if (isPostgresUrl(dbPath)) return undefined;
  const folder = path.dirname(dbPath);
  return path.basename(folder) === '.linkmedic' ? path.dirname(folder) : undefined;
}

const isFile = (file: string): Promise<boolean> => stat(file).then((info) => info.isFile(), () => false);

/** `catalog/awesome-….md`: the tail every old key of the bundled catalog ends in. */
const BUNDLED_TAIL = `${path.basename(path.dirname(BUNDLED_CATALOG))}/${path.basename(BUNDLED_CATALOG)}`;

async function planMoves(store: HistoryStore, { cwd, dbPath, files }: RekeyContext): Promise<CatalogRekey[]> {
  const legacy = await store.legacyCatalogs();
  if (legacy.length === 0) return [];
  const current = files && files.length > 0 ? legacyCatalogKey(files, cwd) : undefined;
  const home = homeOf(dbPath);
  const moves: CatalogRekey[] = [];
  for (const { catalog, paths } of legacy) {
    if (catalog === current) {
      moves.push({ from: catalog, to: await localCatalogKey(files!, { cwd }), evidence: `the same files, checked from ${cwd}` });
    } else if (paths.length === 1 && (paths[0] === BUNDLED_TAIL || paths[0]!.endsWith(`/${BUNDLED_TAIL}`))) {
      moves.push({ from: catalog, to: bundledCatalogKey(), evidence: 'the bundled catalog\'s path' });
    } else if (home && (await Promise.all(paths.map((entry) => isFile(path.resolve(home, entry))))).every(Boolean)) {
      moves.push({ from: catalog, to: await localCatalogKey(paths, { cwd: home }), evidence: `files found from ${home}, the folder holding the database's .linkmedic/` });
    }
  }
  return moves;
}

const plural = (runs: number): string => `${runs} run${runs === 1 ? '' : 's'}`;

function describe({ from, to, outcome, runs }: RekeyResult): string {
  if (outcome === 'moved') return `linkmedic: history of ${from} (${plural(runs)}) is now keyed ${to}, the same from any folder\n`;
  if (outcome === 'merged') return `linkmedic: history of ${from} (${plural(runs)}) joined ${to}, whose runs all came after it\n`;
  return `linkmedic: kept ${from} apart from ${to}: both have runs over the same time (read it with --catalog ${from})\n`;
}

/**
 * Re-keys the database's old-form `local:` histories that the evidence above ties to files, in
 * one transaction, and says on stderr what became of each (once: each decision is recorded).
 */
export async function rekeyLegacyCatalogs(store: HistoryStore, context: RekeyContext, io: Pick<CliIo, 'stderr'>): Promise<void> {
  if (!store.persistent) return;
  const moves = await planMoves(store, context);
  if (moves.length === 0) return;
  for (const result of await store.rekeyCatalogs(moves)) io.stderr.write(describe(result));
}
