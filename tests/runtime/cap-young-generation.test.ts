import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Largest young generation (bytes) a child process reaches while it keeps ~40 MB of young objects
 * alive, which makes V8 grow the young generation as far as it may. The child's own limit is 64 MB
 * semi-spaces (so it would grow to 128 MB), on Node 20 and 24 alike.
 */
function largestYoungGeneration(setup: string): number {
  const script = `
    import v8 from 'node:v8';
    import { capYoungGeneration } from ${JSON.stringify(path.join(root, 'src/cap-young-generation.ts'))};
    ${setup};
    let largest = 0;
    const kept = [];
    for (let round = 0; round < 100; round++) {
      for (let i = 0; i < 20000; i++) kept.push({ round, i, text: 'x' + i });
      if (kept.length > 400000) kept.splice(0, 200000);
      await new Promise((resolve) => setImmediate(resolve));
      largest = Math.max(largest, v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size);
    }
    console.log(largest);
  `;
  return Number(execFileSync(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim());
}

describe('capYoungGeneration', () => {
  it('keeps the young generation at the cap where V8 would grow it further', () => {
    expect(largestYoungGeneration('')).toBeGreaterThan(32 * 1024 * 1024);
    expect(largestYoungGeneration("capYoungGeneration({ runtimeFlags: '' })")).toBeLessThanOrEqual(32 * 1024 * 1024);
  }, 60_000);

  it('leaves a semi-space size set on the command line alone', () => {
    expect(largestYoungGeneration('capYoungGeneration()')).toBeGreaterThan(32 * 1024 * 1024);
  }, 60_000);
});
