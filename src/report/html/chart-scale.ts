/** Maps a numeric domain onto a pixel range, linearly; a zero-width domain maps to the range's middle. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (value: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * About `count` round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) from at or below `min`
 * to at or above `max`, so a scale over the first and last tick holds every value.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (max <= min) return [min];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  // 2.5 only where it stays whole: stars and run counts have no halves.
  const factors = power >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  const step = factors.map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  const ticks: number[] = [];
  const last = Math.ceil(max / step - 1e-9) * step;
  for (let tick = Math.floor(min / step + 1e-9) * step; tick <= last + step * 1e-9; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}

/** Rounds coordinates so the SVG stays small and stable across platforms. */
export const px = (value: number): string => String(Math.round(value * 10) / 10);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO time → "Nov 3" (UTC), for axis labels. */
export const shortDay = (iso: string): string => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`;

/** Indexes of at most `count` evenly spread items of `length`, always the first and the last. */
export function spreadIndexes(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, index) => index);
  return [...new Set(Array.from({ length: count }, (_, index) => Math.round((index * (length - 1)) / (count - 1))))];
}
