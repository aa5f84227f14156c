// Number and date formats shared by the text, markdown and HTML reports, fixed so output does not
// depend on the machine's locale or time zone.

// Building an Intl.NumberFormat costs ~16 ms (ICU) on every start that loads the reports, and
// counts are whole numbers: those are grouped here, the rest formatted by Intl, built when needed.
let fractional: Intl.NumberFormat | undefined;

/** 12345 → "12,345" (en-US, whatever the machine's locale). */
export const formatCount = (value: number): string =>
  Number.isSafeInteger(value) && !Object.is(value, -0)
    ? String(value).replace(/\B(?=(\d{3})+$)/g, ',')
    : (fractional ??= new Intl.NumberFormat('en-US')).format(value);

/** (1, 'run') → "1 run", (2, 'run') → "2 runs". */
export const countOf = (value: number, noun: string): string => `${formatCount(value)} ${noun}${value === 1 ? '' : 's'}`;

/** 12 → "+12", -3 → "−3", 0 → "±0". */
export const formatDelta = (value: number): string =>
  value > 0 ? `+${formatCount(value)}` : value < 0 ? `−${formatCount(-value)}` : '±0';

/** 0.9731 → "97.3%". */
export const formatShare = (share: number): string => `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;

/** An ISO time → "2026-11-26". */
export const formatDay = (iso: string): string => iso.slice(0, 10);

/** An ISO time → "2026-11-26 03:00 UTC". */
export const formatMinute = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const BLOCKS = '▁▂▃▄▅▆▇█';

/** Values → a sparkline of block characters, scaled between their own minimum and maximum. */
export function sparkline(values: readonly number[]): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return values.map((value) => BLOCKS[max === min ? 3 : Math.round(((value - min) / (max - min)) * 7)]).join('');
}
