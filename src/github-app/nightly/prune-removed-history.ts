import type { AppRuntime } from '../runtime/app-runtime.js';

const DAY_MS = 86_400_000;

/** What one pruning did, repository by repository (`owner/name`). */
export interface PrunedHistory {
  /** Removed long enough ago and idle as long: history deleted, removal record dropped. */
  deleted: string[];
  /** Listed as installed after its removal (given back, an event missed): removal record dropped, history kept. */
  reinstalled: string[];
}

/**
 * Deletes the history of repositories removed from the app once the retention has passed: removed
 * at least `historyRetentionDays` ago, and no run of them since then either. History of an
 * installed repository is never deleted: one that the pass's listing (`installed`: every
 * repository it saw, archived ones too, at `listedAt`) shows after its removal has its removal
 * forgotten instead. A removal recorded after the listing is left for the next pass to judge.
 */
export async function pruneRemovedHistory(
  rt: Pick<AppRuntime, 'removals' | 'now' | 'log' | 'historyRetentionDays'>,
  listing: { installed: ReadonlySet<string>; listedAt: Date },
): Promise<PrunedHistory> {
  const pruned: PrunedHistory = { deleted: [], reinstalled: [] };
  if (rt.historyRetentionDays === null) return pruned;
  const cutoff = new Date(rt.now().getTime() - rt.historyRetentionDays * DAY_MS);
  for (const removal of await rt.removals.list()) {
    if (listing.installed.has(removal.repo)) {
      if (removal.removedAt >= listing.listedAt) continue;
      await rt.removals.forgetRepositoryRemoval(removal.repo);
      pruned.reinstalled.push(removal.repo);
      continue;
    }
    if (removal.removedAt > cutoff) continue;
    const deleted = await rt.removals.deleteHistory(removal.repo, cutoff);
    if (!deleted) continue;
    pruned.deleted.push(removal.repo);
    rt.log.info({ repo: removal.repo, removedAt: removal.removedAt.toISOString(), ...deleted }, 'history of a repository removed from the app deleted');
  }
  return pruned;
}
