import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

/** Size (both semi-spaces) past which the young generation stops growing: Node 20's own maximum. */
export const YOUNG_GENERATION_CAP = 32 * 1024 * 1024;

/** How many times larger V8 makes the young generation at each growth until the cap is near (its own default: 2). */
export const EARLY_GROWTH_FACTOR = 4;

export interface YoungGenerationOptions {
  /** Bytes of young generation (V8's `new_space`) at which growth stops. */
  cap?: number;
  /** The process's V8 options (`execArgv` and `NODE_OPTIONS`): a semi-space setting there is left alone. */
  runtimeFlags?: string;
}

/**
 * Sizes V8's young generation for a run that allocates fast from its first milliseconds and is
 * over in seconds. `--min-semi-space-size` and `--max-semi-space-size` cannot change once the heap
 * exists, but V8 reads `--semi-space-growth-factor` each time it grows the young generation:
 * - early, 4x per growth instead of 2x: it reaches full size in fewer collections (Node 20: a
 *   1,000-link check in 9 scavenges instead of 12, ~30 ms sooner; extracting 600 KB ~30 ms sooner);
 * - then never past `cap`: Node 24's V8 grows it to 32 MB semi-spaces (Node 20 stops at 16), and a
 *   10,000-link check peaked at 270-290 MB of memory instead of 175-195, at the same speed.
 * After each collection the factor is lowered so the next growth lands at the cap at most; at the
 * cap it is 1 and watching stops. Returns a function that stops watching.
 */
export function sizeYoungGeneration(options: YoungGenerationOptions = {}): () => void {
  const { cap = YOUNG_GENERATION_CAP, runtimeFlags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}` } = options;
  if (runtimeFlags.includes('semi-space')) return () => {};
  let factor = EARLY_GROWTH_FACTOR;
  v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`);
  const observer = new PerformanceObserver(() => {
    const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (!young) return;
    const fits = Math.max(1, Math.floor(cap / young.space_size));
    if (fits >= factor) return;
    factor = fits;
    v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`);
    if (factor === 1) observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => observer.disconnect();
}
