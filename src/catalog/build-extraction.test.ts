import { describe, expect, it } from 'vitest';
import { buildExtraction } from './build-extraction.js';
import { emptyModel, type RawLink } from './collect/markdown-model.js';

describe('buildExtraction', () => {
  it('takes a batch of 200,000 links at once (a parallel extraction hands over one model)', () => {
    const urls = Array.from({ length: 200_000 }, (_, index) => `https://a.example/${index}`);
    const text = urls.map((url) => `${url}\n`).join('');
    const model = emptyModel();
    let offset = 0;
    for (const url of urls) {
      model.links.push({ kind: 'bare', url, text: url, span: { start: offset, end: offset + url.length }, anchor: offset } satisfies RawLink);
      offset += url.length + 1;
    }
    const steps = buildExtraction(text, 'big.md', model, [].values());
    const batch = steps.next();
    const done = steps.next();
    expect(batch.done).toBe(false);
    expect(batch.value).toHaveLength(200_000);
    expect(done.done && done.value.occurrences.map((occurrence) => occurrence.line)).toEqual(urls.map((_, index) => index + 1));
  });
});
