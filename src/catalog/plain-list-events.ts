import type { Event, Point, Token, TokenizeContext } from 'micromark-util-types';
import { EventWriter } from './event-writer.js';
import type { MarkdownChunk } from './markdown-chunks.js';
import { writePlainInline } from './write-plain-inline.js';

/** Item text that would open a block inside the item: a nested list, a thematic break, a heading, a block quote. */
const OPENS_BLOCK = /^(?:[-+*](?:[ \t]|$)|(?:-[ \t]*){3,}$|[#>]|[0-9]{1,9}[.)](?:[ \t]|$))/;

/** Start of the line after the one that ends at `lineEnd` (CR, LF or CRLF), or `lineEnd` at the end. */
function afterEnding(text: string, lineEnd: number): number {
  if (text.charCodeAt(lineEnd) === 13) return text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
  return text.charCodeAt(lineEnd) === 10 ? lineEnd + 1 : lineEnd;
}

/** Column 1 of `line`, at `offset`: where a line ending ends. */
const lineStartPoint = (line: number, offset: number): Point => ({ line, column: 1, offset, _index: 0, _bufferIndex: -1 });

/**
 * micromark's expanded events for a chunk that is one bullet list of one-line items (`- text`,
 * one marker throughout, one space after it) followed only by empty lines, where each item's text
 * is text `writePlainInline` can write and opens no block of its own; undefined for any other chunk,
 * which micromark then reads. Awesome lists are mostly such lists; micromark reads each line through
 * its document, flow and text tokenizers in turn (about 10 µs a line warm, many times that in a
 * fresh process) for events fixed by where the marker and the text are. Compared with micromark's
 * over generated lists and edge cases in plain-list-events.test.ts.
 */
export function plainListEvents(text: string, chunk: MarkdownChunk, context: TokenizeContext): Event[] | undefined {
  const marker = text.charCodeAt(chunk.start);
  const events: Event[] = [];
  let list: Token | undefined;
  let at = chunk.start;
  let line = chunk.line;
  let ending: Event[] = [];
  while (at < chunk.end && text.charCodeAt(at) === marker && text.charCodeAt(at + 1) === 32) {
    let lineEnd = at;
    while (lineEnd < chunk.end && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    if (OPENS_BLOCK.test(text.slice(at + 2, Math.min(lineEnd, at + 12)))) return undefined;
    const out = new EventWriter(line, at, context);
    if (list) events.push(...ending);
    else list = out.open('listUnordered', at, lineEnd);
    const prefix = out.open('listItemPrefix', at, at + 2);
    out.leaf('listItemMarker', at, at + 1);
    out.leaf('listItemPrefixWhitespace', at + 1, at + 2);
    out.close(prefix);
    const content = out.open('content', at + 2, lineEnd);
    const paragraph = out.open('paragraph', at + 2, lineEnd);
    if (!writePlainInline(out, text, at + 2, lineEnd)) return undefined;
    out.close(paragraph);
    out.close(content);
    for (const event of out.events) events.push(event);
    list.end = out.point(lineEnd);
    const next = afterEnding(text, lineEnd);
    const lineEnding: Token = { type: 'lineEnding', start: out.point(lineEnd), end: lineStartPoint(line + 1, next) };
    ending = next > lineEnd ? [['enter', lineEnding, context], ['exit', lineEnding, context]] : [];
    at = next;
    line++;
  }
  if (!list) return undefined;
  events.push(['exit', list, context], ...ending);
  // The rest of the chunk must be empty lines.
  while (at < chunk.end) {
    const next = afterEnding(text, at);
    if (next === at) return undefined;
    const blank: Token = { type: 'lineEndingBlank', start: lineStartPoint(line, at), end: lineStartPoint(line + 1, next) };
    events.push(['enter', blank, context], ['exit', blank, context]);
    at = next;
    line++;
  }
  return events;
}
