import { decodeString } from 'micromark-util-decode-string';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { describe, expect, it } from 'vitest';
import { hrefFromDestination, hrefFromLiteral } from './normalize-href.js';

/** Every printable ASCII character, a few others, and sequences the two micromark steps treat specially. */
const PIECES = [
  ...Array.from({ length: 95 }, (_, code) => String.fromCharCode(code + 32)),
  'ä', '数据', '\u{1F600}', '\uD800', '\t', '%20', '%2', '%zz', '%Aa', '&amp;', '&#65;', '&x;', '\\_', '\\a', 'https://h.example/a_b?c=d#e',
];

describe('hrefFromDestination and hrefFromLiteral', () => {
  it('give micromark’s decoded and normalized href for every character and pair of pieces', () => {
    for (const first of PIECES) {
      for (const second of PIECES) {
        const source = `https://h.example/${first}${second}`;
        expect(hrefFromDestination(source), source).toBe(normalizeUri(decodeString(source)));
        expect(hrefFromLiteral(source, 'mailto:'), source).toBe(normalizeUri(`mailto:${source}`));
      }
    }
  });
});
