import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './parse-retry-after.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each<[string | string[] | undefined, number | undefined]>([
    ['60', 60_000],
    ['0', 0],
    [' 5 ', 5_000],
    [['7', '9'], 7_000],
    ['Thu, 01 Jan 2026 12:00:30 GMT', 30_000],
    ['Thursday, 01-Jan-26 12:01:00 GMT', 60_000],
    ['Thu, 01 Jan 2026 11:59:00 GMT', 0],
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['1h', 3_600_000],
    [undefined, undefined],
    ['', undefined],
    ['soon', undefined],
    ['-5', undefined],
    ['1.5', undefined],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});
