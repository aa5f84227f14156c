import type { HistoryStore } from '../store/history-store.js';

/** How long a Wayback answer (a capture, or none) is reused before the API is asked again. */
export const ARCHIVE_ANSWER_TTL_MS = 30 * 86_400_000;

/** Wayback answers kept between runs, so a link dead for weeks is not looked up every night. */
export interface ArchiveMemory {
  /** The answers still fresh for `urls`: a capture's address, or `undefined` for "none". */
  recall(urls: readonly string[]): Promise<Map<string, string | undefined>>;
  remember(answers: ReadonlyMap<string, string | undefined>): Promise<void>;
}

/** The store's archive answers, fresh for `ARCHIVE_ANSWER_TTL_MS` as of `now()`. */
export function storeArchiveMemory(store: HistoryStore, now: () => Date): ArchiveMemory {
  const cutoff = () => new Date(now().getTime() - ARCHIVE_ANSWER_TTL_MS);
  return {
    recall: async (urls) => new Map([...(await store.archiveAnswers(urls, cutoff())).values()].map((answer) => [answer.url, answer.snapshotUrl])),
    remember: async (answers) => {
      const checkedAt = now();
      await store.rememberArchiveAnswers([...answers].map(([url, snapshotUrl]) => ({ url, checkedAt, ...(snapshotUrl && { snapshotUrl }) })), cutoff());
    },
  };
}
