import { buildExtraction } from './build-extraction.js';
import { collectMarkdown } from './collect/collect-markdown.js';
import { emptyModel } from './collect/markdown-model.js';
import type { Extraction } from './extract-markdown.js';
import type { LinkOccurrence } from './link-occurrence.js';
import { withoutBom } from './without-bom.js';

/**
 * `extractMarkdown`, a piece at a time: yields the occurrences of each stretch of the document as
 * soon as it is parsed (in document order, each once), so checking can start before the last line
 * is read, and returns the whole `Extraction` (the same occurrences, and the findings, which need
 * the whole document) when the generator is done. Every definition is read before the first batch,
 * so a reference used before its definition is yielded with its URL already resolved. A document
 * whose last definition is near its end therefore yields its first batch late.
 */
export function extractMarkdownIncrementally(text: string, file: string): Generator<LinkOccurrence[], Extraction, undefined> {
  const model = emptyModel();
  return buildExtraction(text, file, model, collectMarkdown(withoutBom(text), model));
}

