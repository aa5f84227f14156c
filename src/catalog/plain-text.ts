import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Event, Token } from 'micromark-util-types';

/**
 * Token types whose source text is what a reader sees. Destinations, titles, reference labels and
 * raw HTML are markup, not text, so they are absent.
 */
const TEXT_TOKENS = new Set<string>([
  'data',
  'characterEscapeValue',
  'codeTextData',
  'literalAutolinkHttp',
  'literalAutolinkWww',
  'literalAutolinkEmail',
  'autolinkProtocol',
  'autolinkEmail',
]);

const SKIPPED_CONTAINERS = new Set<string>(['resource', 'reference', 'htmlText', 'htmlFlow']);

function decodeReference(token: Token, source: string, marker: string | undefined): string {
  const value = source.slice(token.start.offset, token.end.offset);
  if (marker === undefined) return decodeNamedCharacterReference(value) || `&${value};`;
  const code = Number.parseInt(value, marker === 'x' ? 16 : 10);
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}

/** The visible text between two event indices (inclusive), whitespace collapsed. */
export function plainText(events: readonly Event[], from: number, to: number, source: string): string {
  let text = '';
  let skipDepth = 0;
  let referenceMarker: string | undefined;
  for (let index = from; index <= to; index++) {
    const [kind, token] = events[index]!;
    if (SKIPPED_CONTAINERS.has(token.type)) {
      skipDepth += kind === 'enter' ? 1 : -1;
      continue;
    }
    if (skipDepth > 0 || kind !== 'exit') continue;
    if (TEXT_TOKENS.has(token.type)) text += source.slice(token.start.offset, token.end.offset);
    else if (token.type === 'lineEnding' || token.type === 'hardBreakEscape') text += ' ';
    else if (token.type === 'characterReferenceMarkerNumeric') referenceMarker = 'd';
    else if (token.type === 'characterReferenceMarkerHexadecimal') referenceMarker = 'x';
    else if (token.type === 'characterReferenceValue') {
      text += decodeReference(token, source, referenceMarker);
      referenceMarker = undefined;
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}
