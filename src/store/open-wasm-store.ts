import { HistoryStore } from './history-store.js';
import { MIGRATIONS } from './migrations/migrations.js';
import type { Migration } from './migrations/migration.js';
import { openSqliteWasm } from './open-sqlite-wasm.js';

export interface WasmStoreOptions {
  /** A file path (read now, written back on `close`) or `:memory:`. */
  path: string;
  now?: () => Date;
  migrations?: readonly Migration[];
}

/**
 * The history store over SQLite compiled to WebAssembly: what the GitHub Action opens, where no
 * native addon loads. Same file format, same queries as `openStore`; `close` saves the file.
 */
export async function openWasmStore({ path, now = () => new Date(), migrations = MIGRATIONS }: WasmStoreOptions): Promise<HistoryStore> {
  return new HistoryStore(await openSqliteWasm(path, migrations), now);
}
