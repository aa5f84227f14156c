import type { Event, Token, TokenizeContext } from 'micromark-util-types';
import { EventWriter, lineBreakEvents, lineStartPoint } from './event-writer.js';
import { lineEndBefore, nextLineStart } from './line-breaks.js';
import type { MarkdownChunk } from './markdown-chunks.js';
import { writePlainInline } from './write-plain-inline.js';

/** Item text that would open a block inside the item: a nested list, a thematic break, a heading, a block quote. */
const OPENS_BLOCK = /^(?:[-+*](?:[ \t]|$)|(?:-[ \t]*){3,}$|[#>]|[0-9]{1,9}[.)](?:[ \t]|$))/;

/** Spaces of indentation per level of nesting: a child item starts where its parent's text does. */
const INDENT = 2;

/** Spaces at `at` (a line start), up to `end`. */
function indentAt(text: string, at: number, end: number): number {
  let spaces = 0;
  while (at + spaces < end && text.charCodeAt(at + spaces) === 32) spaces++;
  return spaces;
}

/**
 * micromark's expanded events for a chunk that is one bullet list of one-line items (`- text`, one
 * marker throughout, one space after it), nested two spaces a level and one level at a time,
 * followed only by empty lines, where each item's text is text `writePlainInline` can write and
 * opens no block of its own; undefined for any other chunk, which micromark then reads. Awesome
 * lists are mostly such lists; micromark reads each line through its document, flow and text
 * tokenizers in turn (about 10 µs a line warm, many times that in a fresh process) for events fixed
 * by where the markers and the text are. Compared with micromark's over generated lists and edge
 * cases in plain-list-events.test.ts.
 */
export function plainListEvents(text: string, chunk: MarkdownChunk, context: TokenizeContext): Event[] | undefined {
  const marker = text.charCodeAt(chunk.start);
  const events: Event[] = [];
  /** The open lists, outermost first: a line at depth d is an item of `lists[d]`. */
  const lists: Token[] = [];
  let at = chunk.start;
  let line = chunk.line;
  let ending: Event[] = [];
  for (;;) {
    const indent = indentAt(text, at, chunk.end);
    const depth = indent / INDENT;
    const itemAt = at + indent;
    if (!Number.isInteger(depth) || depth > lists.length || text.charCodeAt(itemAt) !== marker || text.charCodeAt(itemAt + 1) !== 32) break;
    const next = nextLineStart(text, itemAt, chunk.end);
    const lineEnd = lineEndBefore(text, next);
    if (OPENS_BLOCK.test(text.slice(itemAt + 2, Math.min(lineEnd, itemAt + 12)))) return undefined;
    const out = new EventWriter(line, at, context);
    // Lists deeper than this item end with the previous line's text; its line ending and this
    // line's indentation (a token per enclosing item) belong to the innermost list still open.
    while (lists.length > depth + 1) events.push(['exit', lists.pop()!, context]);
    for (const event of ending) events.push(event);
    for (let level = 0; level < depth; level++) out.leaf('listItemIndent', at + level * INDENT, at + (level + 1) * INDENT);
    if (depth === lists.length) lists.push(out.open('listUnordered', itemAt, lineEnd));
    const prefix = out.open('listItemPrefix', itemAt, itemAt + 2);
    out.leaf('listItemMarker', itemAt, itemAt + 1);
    out.leaf('listItemPrefixWhitespace', itemAt + 1, itemAt + 2);
    out.close(prefix);
    const content = out.open('content', itemAt + 2, lineEnd);
    const paragraph = out.open('paragraph', itemAt + 2, lineEnd);
    if (!writePlainInline(out, text, itemAt + 2, lineEnd)) return undefined;
    out.close(paragraph);
    out.close(content);
    for (const event of out.events) events.push(event);
    // Every open list runs to the end of this item's text, for now.
    for (const list of lists) list.end = out.point(lineEnd);
    ending = next > lineEnd ? lineBreakEvents('lineEnding', out.point(lineEnd), next, context) : [];
    at = next;
    line++;
    if (at >= chunk.end) break;
  }
  if (lists.length === 0) return undefined;
  while (lists.length > 0) events.push(['exit', lists.pop()!, context]);
  for (const event of ending) events.push(event);
  // The rest of the chunk must be empty lines.
  while (at < chunk.end) {
    const next = nextLineStart(text, at, chunk.end);
    if (lineEndBefore(text, next) !== at) return undefined;
    events.push(...lineBreakEvents('lineEndingBlank', lineStartPoint(line, at), next, context));
    at = next;
    line++;
  }
  return events;
}
