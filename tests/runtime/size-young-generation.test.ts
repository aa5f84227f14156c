import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

interface Growth {
  /** Largest young generation (bytes) the child reached. */
  largest: number;
  /** Scavenges before the young generation first reached 16 MB. */
  scavengesTo16Mb: number;
}

/**
 * How a child process's young generation grows while it keeps ~40 MB of young objects alive, which
 * makes V8 grow it as far as it may. The child's own limit is 64 MB semi-spaces (so it would grow to
 * 128 MB), on Node 20 and 24 alike.
 */
function youngGenerationGrowth(setup: string): Growth {
  const script = `
    import v8 from 'node:v8';
    import { PerformanceObserver, constants } from 'node:perf_hooks';
    import { sizeYoungGeneration } from ${JSON.stringify(path.join(root, 'src/size-young-generation.ts'))};
    ${setup};
    const youngSize = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
    let scavenges = 0;
    let scavengesTo16Mb;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
      if (scavengesTo16Mb === undefined && youngSize() >= 16 * 1024 * 1024) scavengesTo16Mb = scavenges;
    }).observe({ entryTypes: ['gc'] });
    let largest = 0;
    const kept = [];
    for (let round = 0; round < 100; round++) {
      for (let i = 0; i < 20000; i++) kept.push({ round, i, text: 'x' + i });
      if (kept.length > 400000) kept.splice(0, 200000);
      await new Promise((resolve) => setImmediate(resolve));
      largest = Math.max(largest, youngSize());
    }
    console.log(JSON.stringify({ largest, scavengesTo16Mb }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as Growth;
}

describe('sizeYoungGeneration', () => {
  it('grows the young generation in fewer steps, and not past the cap where V8 would grow it further', () => {
    const unsized = youngGenerationGrowth('');
    const sized = youngGenerationGrowth("sizeYoungGeneration({ runtimeFlags: '' })");
    expect(unsized.largest).toBeGreaterThan(32 * 1024 * 1024);
    expect(sized.largest).toBeLessThanOrEqual(32 * 1024 * 1024);
    expect(sized.largest).toBeGreaterThanOrEqual(16 * 1024 * 1024);
    expect(sized.scavengesTo16Mb).toBeLessThan(unsized.scavengesTo16Mb);
  }, 60_000);

  it('leaves a semi-space setting on the command line alone', () => {
    expect(youngGenerationGrowth('sizeYoungGeneration()').largest).toBeGreaterThan(32 * 1024 * 1024);
  }, 60_000);
});
