import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMarkdownIncrementally } from './extract-markdown-incrementally.js';
import { extractMarkdown, type Extraction } from './extract-markdown.js';
import type { LinkOccurrence } from './link-occurrence.js';
import { BUNDLED_CATALOG } from './read-markdown-files.js';

const fixtures = path.resolve(import.meta.dirname, '../../tests/fixtures/markdown');

function run(text: string): { batches: LinkOccurrence[][]; extraction: Extraction } {
  const steps = extractMarkdownIncrementally(text, 'doc.md');
  const batches: LinkOccurrence[][] = [];
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { batches, extraction: step.value };
    batches.push(step.value);
  }
}

/** A catalog of `sections` sections of 20 list entries, about 2 KB each. */
const catalog = (sections: number, definitions = ''): string =>
  Array.from({ length: sections }, (_, section) =>
    [`## Section ${section}`, '', ...Array.from({ length: 20 }, (_, item) => `- Entry ${section}.${item} [paper](https://p.example/${section}/${item}) [ref]`), ''].join('\n'),
  ).join('\n') + definitions;

describe('extractMarkdownIncrementally', () => {
  it.each([
    ...['chunk-cuts.md', 'tricky.md', 'crlf.md', 'cr.md', 'bom.md'].map((name) => ({ name, text: () => readFileSync(path.join(fixtures, name), 'utf8') })),
    { name: 'the bundled catalog', text: () => readFileSync(BUNDLED_CATALOG, 'utf8') },
    { name: 'a 200 KB catalog with a definition at its end', text: () => catalog(100, '\n[ref]: https://r.example\n') },
    { name: 'a 200 KB catalog with a byte order mark', text: () => `\uFEFF${catalog(100)}` },
    { name: 'an empty document', text: () => '' },
  ])('yields, batch after batch, exactly the occurrences extractMarkdown finds in $name, then the same extraction', ({ text }) => {
    const source = text();
    const { batches, extraction } = run(source);
    const whole = extractMarkdown(source, 'doc.md');
    expect(extraction).toEqual(whole);
    expect(batches.flat()).toEqual(whole.occurrences);
    expect(batches.every((batch) => batch.length > 0)).toBe(true);
  });

  it('yields the first links of a big document before it has read the rest', () => {
    const { batches, extraction } = run(catalog(100));
    const lines = extraction.occurrences.map((occurrence) => occurrence.line);
    expect(batches.length).toBeGreaterThan(50);
    expect(Math.max(...batches[0]!.map((occurrence) => occurrence.line))).toBeLessThan(Math.max(...lines) / 10);
  });

  it('resolves a reference in the first batch from a definition at the end of the document', () => {
    const { batches } = run(catalog(100, '\n[ref]: https://r.example\n'));
    const references = batches[0]!.filter((occurrence) => occurrence.kind === 'reference');
    expect(references).toHaveLength(20);
    expect(references.every((occurrence) => occurrence.url === 'https://r.example' && occurrence.definition?.label === 'ref')).toBe(true);
  });
});
