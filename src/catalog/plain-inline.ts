import type { Event, Point, Token, TokenizeContext, TokenType } from 'micromark-util-types';

/**
 * Text that no inline construct can start in: no escapes, code, emphasis, strikethrough, brackets,
 * HTML, character references or email addresses. ASCII control characters and tabs stay with
 * micromark too. (A `!` is text unless a link follows it: see `writePlainInline`.)
 */
const PLAIN = /^[^\\`*_~[\]<&@\u0000-\u001f\u007f]+$/;
/** Where GFM's bare URLs begin (micromark looks for them in text, not in link destinations). */
const BARE_URL_START = /(?:https?|mailto|xmpp):|www\./i;
/** A link destination with nothing to decode or balance: no spaces, parentheses, escapes or references. */
const DESTINATION = /^[^\s()<>\\&[\]`|\u0000-\u001f\u007f]+$/;
/** An inline link, or a run of text up to the next bracket. */
const PIECE = /\[([^[\]]*)\]\(([^()]*)\)|[^[\]]+/y;

/** Text micromark would give one `data` token, whatever it is next to. */
export const isPlainText = (text: string): boolean => PLAIN.test(text) && !BARE_URL_START.test(text) && text.trim() === text;

/** micromark's tokens for one line of text, written with its offsets, line and columns. */
export class EventWriter {
  readonly events: Event[] = [];
  /** `lineStart`: the offset of column 1 of `line`. */
  constructor(
    private readonly line: number,
    private readonly lineStart: number,
    private readonly context: TokenizeContext,
  ) {}

  point(offset: number): Point {
    return { line: this.line, column: offset - this.lineStart + 1, offset, _index: 0, _bufferIndex: -1 };
  }

  open(type: TokenType, from: number, to: number): Token {
    const token: Token = { type, start: this.point(from), end: this.point(to) };
    this.events.push(['enter', token, this.context]);
    return token;
  }

  close(token: Token): void {
    this.events.push(['exit', token, this.context]);
  }

  leaf(type: TokenType, from: number, to: number): void {
    this.close(this.open(type, from, to));
  }
}

/**
 * Writes micromark's expanded events for the text `source[from, to)` (one line, no leading or
 * trailing whitespace) when it is runs of plain text (`isPlainText`) and inline links whose label
 * is plain text and whose destination needs no decoding; returns false, writing nothing, for
 * anything else. Each run is one `data` token: micromark tries its constructs at some of the
 * characters (bare URLs and emails at letters) and gives back data, which it merges.
 */
export function writePlainInline(out: EventWriter, source: string, from: number, to: number): boolean {
  const text = source.slice(from, to);
  if (text === '' || text.trim() !== text) return false;
  const pieces: Array<{ start: number; end: number; label?: string; destination?: string }> = [];
  PIECE.lastIndex = 0;
  for (let match = PIECE.exec(text); match; match = PIECE.exec(text)) {
    const [whole, label, destination] = match;
    const start = match.index;
    if (label === undefined) {
      if (!PLAIN.test(whole) || BARE_URL_START.test(whole)) return false;
    } else if (!isPlainText(label) || !DESTINATION.test(destination!)) return false;
    // `![label](url)` is an image.
    else if (text.charCodeAt(start - 1) === 33) return false;
    pieces.push({ start: from + start, end: from + start + whole.length, ...(label !== undefined && { label, destination: destination! }) });
    if (PIECE.lastIndex === text.length) break;
  }
  if (pieces.at(-1)?.end !== to) return false;
  for (const piece of pieces) {
    if (piece.label === undefined) out.leaf('data', piece.start, piece.end);
    else writeLink(out, piece.start, piece.end, piece.label.length);
  }
  return true;
}

/** An inline link `[label](destination)` at `source[from, to)`. */
function writeLink(out: EventWriter, from: number, to: number, labelLength: number): void {
  const labelEnd = from + 1 + labelLength;
  const link = out.open('link', from, to);
  const label = out.open('label', from, labelEnd + 1);
  out.leaf('labelMarker', from, from + 1);
  const labelText = out.open('labelText', from + 1, labelEnd);
  out.leaf('data', from + 1, labelEnd);
  out.close(labelText);
  out.leaf('labelMarker', labelEnd, labelEnd + 1);
  out.close(label);
  const resource = out.open('resource', labelEnd + 1, to);
  out.leaf('resourceMarker', labelEnd + 1, labelEnd + 2);
  const destination = out.open('resourceDestination', labelEnd + 2, to - 1);
  const raw = out.open('resourceDestinationRaw', labelEnd + 2, to - 1);
  const string = out.open('resourceDestinationString', labelEnd + 2, to - 1);
  out.leaf('data', labelEnd + 2, to - 1);
  out.close(string);
  out.close(raw);
  out.close(destination);
  out.leaf('resourceMarker', to - 1, to);
  out.close(resource);
  out.close(link);
}

/**
 * Replaces, in place, each one-line `chunkText` of `events` (text micromark has not tokenized yet)
 * that `writePlainInline` can write with those events: what micromark's next expansion pass would
 * put there. Paragraphs, list items, headings and table cells of catalogs are mostly such text.
 */
export function writePlainChunks(events: Event[], source: string): void {
  let written: Event[] | undefined;
  for (let index = 0; index < events.length; index++) {
    const [kind, token, context] = events[index]!;
    if (kind === 'enter' && token.type === 'chunkText' && token.contentType === 'text' && !token.previous && !token.next && events[index + 1]?.[1] === token) {
      const out = new EventWriter(token.start.line, token.start.offset - token.start.column + 1, context);
      if (writePlainInline(out, source, token.start.offset, token.end.offset)) {
        written ??= events.slice(0, index);
        for (const event of out.events) written.push(event);
        index++;
        continue;
      }
    }
    written?.push(events[index]!);
  }
  if (written) {
    events.length = 0;
    for (const event of written) events.push(event);
  }
}
