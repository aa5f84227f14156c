import type { LinkOccurrence } from '../catalog/link-occurrence.js';
import { checkOutcomeOf } from '../check/check-outcome.js';
import type { RecordedRun } from '../store/recorded-run.js';
import type { CheckedLink } from './checked-link.js';

/** What history keeps of a run: every catalog URL's verdict, where it was written, and repo facts. */
export function toRecordedRun(
  run: Pick<RecordedRun, 'catalog' | 'startedAt' | 'finishedAt' | 'conclusive'>,
  links: ReadonlyMap<string, CheckedLink>,
  occurrencesByUrl: ReadonlyMap<string, readonly LinkOccurrence[]>,
): RecordedRun {
  const results = [...occurrencesByUrl].flatMap(([url, occurrences]) => {
    const link = links.get(url);
    if (!link) return [];
    const { result, github, huggingface } = link;
    return [
      {
        ...checkOutcomeOf({ ...result, url }),
        elapsedMs: result.elapsedMs,
        occurrences: occurrences.map(({ file, line, column, section, entry, tableColumn }) => ({
          file, line, column, section, ...(entry && { entry }), ...(tableColumn && { tableColumn }),
        })),
        ...(github && { github }),
        ...(huggingface && { huggingface }),
      },
    ];
  });
  return { ...run, results };
}
