import type { Verdict } from '../check/verdict.js';
import { toneOf, type VerdictTone } from './problem-groups.js';

/** One run's URLs by tone, and the share of judged links a reader can reach. */
export interface AvailabilityShare extends Record<VerdictTone, number> {
  /** URLs with a verdict other than `skipped`. */
  judged: number;
  /** Judged links that are not failing (restricted ones exist, so they count), in [0, 1]; undefined when nothing was judged. */
  share?: number;
}

export function availabilityShare(counts: Readonly<Record<Verdict, number>>): AvailabilityShare {
  const tones: Record<VerdictTone, number> = { ok: 0, moved: 0, human: 0, failing: 0, skipped: 0 };
  for (const [verdict, count] of Object.entries(counts) as [Verdict, number][]) tones[toneOf(verdict)] += count;
  const judged = tones.ok + tones.moved + tones.human + tones.failing;
  return { ...tones, judged, ...(judged > 0 && { share: (judged - tones.failing) / judged }) };
}
