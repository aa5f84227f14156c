import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmarkGfmAvailable } from '../support/cmark-oracle.js';
import { compareWithCmark } from '../support/compare-with-cmark.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/markdown');

// The parser reads a document in chunks; these fixtures put fences, HTML blocks, lists and
// definitions across the places where it may cut, and CR-only line endings.
describe.skipIf(!cmarkGfmAvailable() && !process.env.CI)('extraction of documents read in chunks agrees with cmark-gfm', () => {
  it.each(['chunk-cuts.md', 'cr.md'])('%s', async (name) => {
    const { ours, disagreements } = await compareWithCmark(path.join(fixtures, name));
    expect(ours.href.length).toBeGreaterThan(1);
    expect(disagreements).toEqual([]);
  });
});
