import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/report/text-format.js';

describe('formatCount', () => {
  // Whole numbers are grouped by hand; every value must read as Intl's en-US format writes it.
  const intl = new Intl.NumberFormat('en-US');
  it.each([0, 7, 999, 1000, 12345, 999999, 1000000, 1234567890, Number.MAX_SAFE_INTEGER, -1, -999, -1000, -1234567, -0, 2.5, 1234.5678, -0.25, 1e21, Number.NaN, Infinity])(
    '%s as Intl writes it',
    (value) => {
      expect(formatCount(value)).toBe(intl.format(value));
    },
  );

  it.each([[0, '0'], [1000, '1,000'], [12345, '12,345'], [-1234567, '-1,234,567'], [1234.5, '1,234.5']])('%s → %s', (value, written) => {
    expect(formatCount(value)).toBe(written);
  });
});
