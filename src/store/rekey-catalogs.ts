import { LinkmedicError } from '../errors.js';
import { legacyKeyPaths } from './legacy-catalog-key.js';
import type { SqlDriver, SqlExecutor } from './sql/sql-driver.js';

/** What became of an old key's history. */
export type RekeyOutcome =
  /** The new key had no runs: the history now lives under it. */
  | 'moved'
  /** The new key's runs all came after the old key's (linkmedic was upgraded in between): one history, continued. */
  | 'merged'
  /** Both keys have runs over the same time, so they may be two catalogs: left apart, the old key still readable with --catalog. */
  | 'kept_apart';

/** An old-form key and the key the CLI found it stands for. */
export interface CatalogRekey {
  from: string;
  to: string;
  /** Why `from` is taken to mean the files `to` names (recorded with the outcome). */
  evidence: string;
}

export interface RekeyResult extends CatalogRekey {
  outcome: RekeyOutcome;
  /** Runs `from` held. */
  runs: number;
}

interface Span {
  runs: number;
  first: number | null;
  last: number | null;
}

const span = async (tx: SqlExecutor, catalog: string): Promise<Span> =>
  (await tx.get<Span>('SELECT count(*) AS runs, min(started_at) AS first, max(started_at) AS last FROM runs WHERE catalog = ?', [catalog]))!;

/**
 * Re-keys old-form `local:` histories in one transaction: every move and its record, or none. Two
 * histories are joined only when one plainly continues the other; otherwise both stay, and the
 * record says so. Only old-form keys can be moved: `github:` and new keys are refused.
 */
export async function rekeyCatalogs(driver: SqlDriver, moves: readonly CatalogRekey[], now: Date): Promise<RekeyResult[]> {
  for (const { from, to } of moves) {
    if (!legacyKeyPaths(from) || legacyKeyPaths(to) || from === to) {
      throw new LinkmedicError('INTERNAL', `rekeyCatalogs: ${from} is not an old-form local: key, or ${to} is not a new one`);
    }
  }
  return driver.transaction(async (tx) => {
    const results: RekeyResult[] = [];
    for (const move of moves) {
      const old = await span(tx, move.from);
      if (old.runs === 0) continue;
      const target = await span(tx, move.to);
      const outcome: RekeyOutcome = target.runs === 0 ? 'moved' : target.first! > old.last! ? 'merged' : 'kept_apart';
      if (outcome !== 'kept_apart') await tx.run('UPDATE runs SET catalog = ? WHERE catalog = ?', [move.to, move.from]);
      await tx.run('INSERT INTO catalog_rekeys (old_key, new_key, outcome, runs, evidence, rekeyed_at) VALUES (?, ?, ?, ?, ?, ?)', [
        move.from, move.to, outcome, old.runs, move.evidence, now.getTime(),
      ]);
      results.push({ ...move, outcome, runs: old.runs });
    }
    return results;
  }, { lock: 'catalog-rekeys' });
}
