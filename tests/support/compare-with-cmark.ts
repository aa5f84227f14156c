import { readFileSync } from 'node:fs';
import { extractMarkdown } from '../../src/catalog/extract-markdown.js';
import type { LinkOccurrence } from '../../src/catalog/link-occurrence.js';
import { renderWithCmarkGfm, renderedLinks, type RenderedLinks } from './cmark-oracle.js';

/** A value that one side has more often than the other: `count` > 0 when only cmark-gfm has it. */
export interface Disagreement {
  attribute: 'href' | 'src';
  url: string;
  count: number;
}

const isSrc = (occurrence: LinkOccurrence): boolean => occurrence.kind === 'image' || occurrence.html?.attribute === 'src';

export function extractedLinks(text: string, file: string): RenderedLinks {
  const { occurrences } = extractMarkdown(text, file);
  return {
    href: occurrences.filter((occurrence) => !isSrc(occurrence)).map((occurrence) => occurrence.url),
    src: occurrences.filter(isSrc).map((occurrence) => occurrence.url),
  };
}

function multisetDifference(expected: readonly string[], actual: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of expected) counts.set(value, (counts.get(value) ?? 0) + 1);
  for (const value of actual) counts.set(value, (counts.get(value) ?? 0) - 1);
  return new Map([...counts].filter(([, count]) => count !== 0));
}

/** Compares linkmedic's extraction of a file with the links in cmark-gfm's rendering of it. */
export async function compareWithCmark(
  file: string,
): Promise<{ oracle: RenderedLinks; ours: RenderedLinks; disagreements: Disagreement[] }> {
  const oracle = renderedLinks(await renderWithCmarkGfm(file));
  const ours = extractedLinks(readFileSync(file, 'utf8'), file);
  const disagreements = (['href', 'src'] as const).flatMap((attribute) =>
    [...multisetDifference(oracle[attribute], ours[attribute])].map(([url, count]) => ({ attribute, url, count })),
  );
  return { oracle, ours, disagreements };
}
