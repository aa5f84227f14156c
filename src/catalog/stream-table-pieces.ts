import { preprocess } from 'micromark';
import type { Event, ParseContext, Point, Token, TokenizeContext } from 'micromark-util-types';
import { lineBreakEvents } from './event-writer.js';
import { BETWEEN_BLOCKS, expand, expandedSlices, isTable, ROWS_PER_SLICE, tableSlices, topLevelBlocks } from './flow-blocks.js';
import type { MarkdownChunk } from './markdown-chunks.js';
import { lineEndBefore, lineEndings, lineStart, nextLineStart } from './line-breaks.js';
import { plainRowEvents } from './plain-table-row.js';

/**
 * Characters of a table read at a time by micromark after its first body row, where rows are not
 * plain (its head is read again before each piece): a 10,000-row table's tokens never all live at
 * once.
 */
export const TABLE_PIECE_SIZE = 4 * 1024;

/** A line that may be a GFM delimiter row (`| --- | :-: |`): only pipes, colons, dashes and spaces. */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-[ \t|:-]*$/;
const BLANK_LINE = /^[ \t]*(?:[\r\n]|$)/y;

/**
 * Start of the line after the first body row of what may be the first table in `text[from, end)`
 * (the line after a delimiter row with a pipe), or -1 if no line looks like a delimiter row. Only
 * where to cut the first piece: micromark decides what is a table.
 */
function afterFirstRow(text: string, from: number, end: number): number {
  for (let start = from; start < end; ) {
    const next = nextLineStart(text, start, end);
    const line = text.slice(start, lineEndBefore(text, next));
    if (line.includes('|') && DELIMITER_ROW.test(line)) return nextLineStart(text, next, end);
    start = next;
  }
  return -1;
}

/** Flow events of `text[start, end)` (line `line`), read after `head` (a table's head rows, or nothing). */
function flowOf(parser: ParseContext, text: string, start: number, end: number, line: number, head = ''): Event[] {
  const from = { line: line - lineEndings(head, 0, head.length), column: 1, offset: start - head.length };
  return parser.flow(from).write(preprocess()(head + text.slice(start, end), undefined, true));
}

/** The table that ends a piece of top-level blocks, if it runs to the piece's last line: it may go on. */
function openTableAtEnd(blocks: Event[][], lastLineEnd: number): number {
  let index = blocks.length - 1;
  while (index >= 0 && BETWEEN_BLOCKS.has(blocks[index]![0]![1].type)) index--;
  const block = blocks[index];
  return block && isTable(block) && block[0]![1].end.offset === lastLineEnd ? index : -1;
}

const bodyIndex = (table: readonly Event[]): number => table.findIndex(([kind, token]) => kind === 'enter' && token.type === 'tableBody');
const copy = (point: Point): Point => ({ ...point });

/**
 * Streams the tables that a container-free chunk runs into, a piece at a time: yields
 * expanded slices (the same events, in the same order, as the chunk parsed whole) and returns the
 * rest of the chunk, from the line after the last such table, for the ordinary parse. The first
 * piece ends after the first body row of the first table (found by its delimiter row), so that
 * plain rows are read by `plainRowEvents` from the second on. A chunk with no delimiter row, or
 * whose first piece does not end inside a table, is returned untouched.
 *
 * micromark reads each body row on its own, as a row for as long as the rows before it are a table
 * (`tokenizeTable` looks only at the last token before the line), and resolves each row's cells from
 * that row alone. So a piece of rows read after the table's head rows gives that table's events for
 * those rows, with their offsets, lines and columns (the head is placed just before the piece).
 */
export function* streamTablePieces(parser: ParseContext, text: string, chunk: MarkdownChunk, pieceSize = TABLE_PIECE_SIZE): Generator<Event[], MarkdownChunk> {
  let rest = chunk;
  for (;;) {
    const first = afterFirstRow(text, rest.start, chunk.end);
    const cut = first === -1 ? chunk.end : first;
    if (cut >= chunk.end) return rest;
    const blocks = topLevelBlocks(flowOf(parser, text, rest.start, cut, rest.line));
    const at = openTableAtEnd(blocks, lineEndBefore(text, cut));
    const table = blocks[at];
    const body = table ? bodyIndex(table) : -1;
    if (!table || body === -1) return rest;

    for (const block of blocks.slice(0, at)) yield* expandedSlices(block, text);
    const tableToken = table[0]![1];
    const bodyToken = table[body]![1];
    const headStart = lineStart(text, tableToken.start.offset);
    const head = text.slice(headStart, lineStart(text, bodyToken.start.offset));
    yield* expandEach(tableSlices(table.slice(0, -2)), text);
    const end = yield* streamRows(parser, text, { head, tableToken, bodyToken, context: table[0]![2], carry: blocks.slice(at + 1).flat(), from: cut, end: chunk.end, pieceSize });
    rest = { ...chunk, start: end, line: chunk.line + lineEndings(text, chunk.start, end), mayContain: false };
  }
}

interface OpenTable {
  head: string;
  tableToken: Token;
  bodyToken: Token;
  /** The tokenizer the table was entered in (its exit events carry it too). */
  context: TokenizeContext;
  /** The line ending after the last row read: inside the table if another row follows, else after it. */
  carry: Event[];
  from: number;
  end: number;
  pieceSize: number;
}

/** Reads the rest of an open table's rows, a piece at a time; returns where the table's line ends. */
function* streamRows(parser: ParseContext, text: string, open: OpenTable): Generator<Event[], number> {
  let { carry, from } = open;
  let line = open.tableToken.start.line + lineEndings(text, open.tableToken.start.offset, from);
  const close: Event[] = [['exit', open.bodyToken, open.context], ['exit', open.tableToken, open.context]];
  for (;;) {
    ({ carry, from, line } = yield* plainRows(text, open, { carry, from, line }));
    BLANK_LINE.lastIndex = from;
    if (from >= open.end || BLANK_LINE.test(text)) {
      // A blank line (or the end) ends the table: the last row's line ending is outside it.
      yield close;
      if (carry.length > 0) yield carry;
      return from;
    }
    const cut = nextLineStart(text, Math.min(from + open.pieceSize, open.end), open.end);
    const blocks = topLevelBlocks(flowOf(parser, text, from, cut, line, open.head));
    // The head's own indentation, if any, reads as a block of its own before the table.
    const at = blocks.findIndex((block) => !BETWEEN_BLOCKS.has(block[0]![1].type));
    const table = blocks[at];
    if (!table || !isTable(table)) throw new Error(`the head of the table at line ${open.tableToken.start.line} did not read as a table again`);
    const body = bodyIndex(table);
    if (body === -1) {
      // The previous piece's last row was the table's last: its line ending is outside the table.
      yield close;
      if (carry.length > 0) yield carry;
      return from;
    }
    // After the head rows and their line ending: a first row's indentation comes before the body opens.
    let headEnd = table.findIndex(([kind, token]) => kind === 'exit' && token.type === 'tableHead') + 1;
    if (table[headEnd]?.[1].type === 'lineEnding') headEnd += 2;
    const rows = [...table.slice(headEnd, body), ...table.slice(body + 1, -2)];
    const goesOn = cut < open.end && openTableAtEnd(blocks, lineEndBefore(text, cut)) === at;
    open.tableToken.end = copy(table[0]![1].end);
    open.bodyToken.end = copy(table[body]![1].end);
    if (goesOn) {
      yield* expandEach(tableSlices([...carry, ...rows], true), text);
      carry = blocks.slice(at + 1).flat();
      line += lineEndings(text, from, cut);
      from = cut;
      continue;
    }
    yield* expandEach(tableSlices([...carry, ...rows, ...close], true), text);
    const after = blocks[at + 1];
    if (after && BETWEEN_BLOCKS.has(after[0]![1].type)) {
      yield after;
      return after[0]![1].end.offset;
    }
    return table[0]![1].end.offset;
  }
}

interface RowsAt {
  /** The line ending before `from`: inside the table if another row follows. */
  carry: Event[];
  /** Start of the next line to read. */
  from: number;
  /** Its line number. */
  line: number;
}

/**
 * Reads the rows at `at.from` that `plainRowEvents` can write without micromark, yielding them
 * ROWS_PER_SLICE at a time, and returns where the first other line starts (or the chunk ends).
 */
function* plainRows(text: string, open: OpenTable, at: RowsAt): Generator<Event[], RowsAt> {
  let { carry, from, line } = at;
  let slice: Event[] = [];
  let rows = 0;
  while (from < open.end) {
    const next = nextLineStart(text, from, open.end);
    const end = lineEndBefore(text, next);
    const events = plainRowEvents(text, from, end, line, open.context);
    if (!events) break;
    slice.push(...carry, ...events);
    // The row's end is where the table now ends, and where its line ending starts.
    const after = events[0]![1].end;
    open.tableToken.end = copy(after);
    open.bodyToken.end = copy(after);
    carry = next > end ? lineBreakEvents('lineEnding', copy(after), next, open.context) : [];
    if (next > end) line++;
    from = next;
    if (++rows % ROWS_PER_SLICE === 0) {
      yield slice;
      slice = [];
    }
  }
  if (slice.length > 0) yield slice;
  return { carry, from, line };
}

/** Each slice expanded when it is asked for: the first rows go out before the next are expanded. */
function* expandEach(slices: Event[][], source: string): Generator<Event[]> {
  for (const slice of slices) yield expand(slice, source);
}
