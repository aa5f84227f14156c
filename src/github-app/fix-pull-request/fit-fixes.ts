import type { ProposedFix } from '../repo-run.js';
import { dataMarker } from './fix-pull-markers.js';

/** A pull request a maintainer can still review; the rest follow once it is merged. */
export const MAX_FIXES_PER_PULL = 100;
/** The hidden pair list must fit in the body next to the table (GitHub's limit is 65,536). */
const MAX_MARKER = 40_000;

/** The first fixes (in file and position order) that one pull request can carry. */
export function fitFixes(fixes: readonly ProposedFix[]): ProposedFix[] {
  let kept = fixes.slice(0, MAX_FIXES_PER_PULL);
  while (kept.length > 1 && dataMarker({ fingerprint: '0'.repeat(16), pairs: kept }).length > MAX_MARKER) {
    kept = kept.slice(0, Math.floor(kept.length * 0.8));
  }
  return kept;
}
