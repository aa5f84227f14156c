import { describe, expect, it } from 'vitest';
import { linearScale, niceTicks, shortDay, spreadIndexes } from '../../src/report/html/chart-scale.js';

describe('chart scales', () => {
  it.each([
    { min: 0, max: 7, count: 2, ticks: [0, 5, 10] },
    { min: 85, max: 100, count: 4, ticks: [85, 90, 95, 100] },
    { min: 0, max: 962, count: 4, ticks: [0, 250, 500, 750, 1000] },
    { min: -3, max: 10, count: 4, ticks: [-5, 0, 5, 10] },
    { min: 0, max: 4, count: 4, ticks: [0, 1, 2, 3, 4] },
    { min: 0, max: 10, count: 4, ticks: [0, 5, 10] },
    { min: 5, max: 5, count: 4, ticks: [5] },
  ])('niceTicks($min, $max, $count) covers the range with round steps', ({ min, max, count, ticks }) => {
    expect(niceTicks(min, max, count)).toEqual(ticks);
  });

  it.each([
    { length: 30, count: 8, indexes: [0, 4, 8, 12, 17, 21, 25, 29] },
    { length: 3, count: 8, indexes: [0, 1, 2] },
    { length: 1, count: 8, indexes: [0] },
  ])('spreadIndexes($length, $count) keeps the first and the last', ({ length, count, indexes }) => {
    expect(spreadIndexes(length, count)).toEqual(indexes);
  });

  it('linearScale maps ends to ends, and a zero-width domain to the middle', () => {
    expect([0, 50, 100].map(linearScale([0, 100], [10, 110]))).toEqual([10, 60, 110]);
    expect(linearScale([7, 7], [0, 40])(7)).toBe(20);
    expect(shortDay('2026-11-03T03:00:00.000Z')).toBe('Nov 3');
  });
});
