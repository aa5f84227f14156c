import { parse, preprocess } from 'micromark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { subtokenize } from 'micromark-util-subtokenize';
import type { Event, ParseContext } from 'micromark-util-types';
import { BETWEEN_BLOCKS, expandedSlices, isTable, topLevelBlocks } from './flow-blocks.js';
import { lineEndings } from './line-breaks.js';
import { CHUNK_SIZE, markdownChunks, type MarkdownChunk } from './markdown-chunks.js';
import { plainListEvents } from './plain-list-events.js';
import { writePlainChunks } from './write-plain-chunks.js';
import { streamTablePieces } from './stream-table-pieces.js';

export interface ParseOptions {
  /** Characters per chunk (see `markdownChunks`). */
  chunkSize?: number;
  /**
   * Called once, before the first slice, with the flow-level events of every top-level block that
   * may hold a link reference definition (definitions are whole at that level).
   */
  beforeText?: (blocks: readonly Event[][]) => void;
  /** Characters of a big table read at a time (see `streamTablePieces`). */
  tablePieceSize?: number;
}

/**
 * Blocks that a line starting a list ends: what a chunk cut right before a list (no blank line
 * between) may end with. A fence or an HTML block there may go on past the cut.
 */
const ENDED_BY_A_LIST = new Set(['atxHeading', 'content', 'setextHeading', 'table', 'thematicBreak']);

/**
 * Whether every block of the chunk ended before its end: before its trailing blank lines, or, for
 * a chunk cut before a list with no blank line between, with a block that the list ends.
 */
function endsClosed(events: readonly Event[], chunk: MarkdownChunk, text: string): boolean {
  let depth = 0;
  for (let index = events.length - 1; index >= 0; index--) {
    const [kind, token] = events[index]!;
    depth += kind === 'exit' ? 1 : -1;
    if (depth === 1 && kind === 'exit' && !BETWEEN_BLOCKS.has(token.type)) {
      if (token.end.offset > chunk.contentEnd) return false;
      // Two line endings after the last text: a blank line ends the chunk.
      return lineEndings(text, chunk.contentEnd, chunk.end) >= 2 || chunk.end === text.length || ENDED_BY_A_LIST.has(token.type);
    }
  }
  return true;
}

/**
 * The chunk's flow-level events. A chunk without block quotes or list items has no container to
 * track, so its text goes straight to the flow tokenizer: the document tokenizer would only wrap
 * each of its lines in a chunk of that same flow.
 */
function flowEvents(parser: ParseContext, text: string, chunk: MarkdownChunk): Event[] {
  const from = { line: chunk.line, column: 1, offset: chunk.start };
  const codes = preprocess()(text.slice(chunk.start, chunk.end), undefined, true);
  if (!chunk.mayContain) return parser.flow(from).write(codes);
  const events = parser.document(from).write(codes);
  subtokenize(events);
  return events;
}

/**
 * The top-level blocks of the chunk at `index`, at the flow level; the chunk is joined with the
 * next while a block of it runs past its end. Returns the blocks and the index of the next chunk.
 * `first`: what is left of the chunk at `index` (after tables streamed in pieces).
 */
function parseChunk(parser: ParseContext, text: string, chunks: readonly MarkdownChunk[], index: number, first = chunks[index]!): [Event[][], number] {
  let chunk = first;
  let next = index + 1;
  let events = flowEvents(parser, text, chunk);
  let closed = endsClosed(events, chunk, text);
  while (next < chunks.length && !closed) {
    // Take in at least as much again as was read, so a long fence cut many times is read a few times, not once per cut.
    const length = chunk.end - chunk.start;
    do next++;
    while (next < chunks.length && chunks[next - 1]!.end - chunk.start < 2 * length);
    const last = chunks[next - 1]!;
    chunk = { ...chunk, end: last.end, contentEnd: last.contentEnd, mayContain: chunks.slice(index, next).some((part) => part.mayContain) };
    events = flowEvents(parser, text, chunk);
    closed = endsClosed(events, chunk, text);
  }
  return [topLevelBlocks(events), next];
}

/**
 * Expands every block but tables one level (tables are expanded a slice of rows at a time). Text
 * a container's chunk already holds is written first where it can be (see `writePlainChunks`).
 */
function expandContent(blocks: Event[][], text: string): Event[][] {
  for (const block of blocks) {
    if (isTable(block)) continue;
    writePlainChunks(block, text);
    subtokenize(block);
  }
  return blocks;
}

function* sliceBlocks(blocks: Event[][], source: string): Generator<Event[]> {
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    blocks[index] = [];
    yield* expandedSlices(block, source);
  }
}

/**
 * A chunk that is one list (see `MarkdownChunk.list`): written without micromark where it can be,
 * already expanded (one slice), else read and expanded by micromark.
 */
function* listSlices(parser: ParseContext, text: string, chunk: MarkdownChunk): Generator<Event[]> {
  const written = plainListEvents(text, chunk, parser.flow({ line: chunk.line, column: 1, offset: chunk.start }));
  if (written) yield written;
  else yield* sliceBlocks(expandContent(topLevelBlocks(flowEvents(parser, text, chunk)), text), text);
}

/**
 * micromark's concrete token stream for a document, in slices of whole constructs, with exactly
 * the GFM extensions GitHub's renderer enables for README files (cmark-gfm `-e autolink -e table
 * -e strikethrough -e tagfilter`). Footnotes and task lists are left out on purpose: with them
 * on, `[^x]` and `[ ]` would parse differently from what GitHub shows for a catalog.
 *
 * micromark's own whole-document parse grows quadratically (lazy lines and nested content are
 * spliced into one array for the whole document; a 10 MB file took minutes) and holds every token
 * at once. Here the document is cut into chunks that micromark parses the same way on their own
 * (see `markdownChunks`), with one parser so that definitions are shared, and each top-level block
 * (a big table 32 rows at a time) is expanded on its own. A table, which no blank line cuts, is
 * also read a piece at a time once every definition is known (`streamTablePieces`), and its plain
 * rows are written without micromark; so is a chunk that is one list of plain one-line items
 * (`plainListEvents`). The events are the same, in the same order (checked against the
 * whole-document result over the test corpus).
 *
 * Text is expanded only once every chunk that may hold a definition has been read to the flow
 * level (where micromark registers definitions), so a reference may come before its definition,
 * as CommonMark allows. Chunks are read in
 * order (whether a chunk starts where its text suggests depends on how the previous one ended), so
 * a document whose last definition is near its end yields its first slice after the flow level of
 * nearly all of it; one without definitions yields as it goes. No construct spans two slices, so
 * a consumer may forget a slice once it has read it.
 */
export function* parseMarkdownSlices(document: string, options: ParseOptions = {}): Generator<Event[]> {
  // micromark drops a byte order mark and counts offsets from after it.
  const text = document.startsWith('\uFEFF') ? document.slice(1) : document;
  const parser = parse({ extensions: [gfmAutolinkLiteral(), gfmTable(), gfmStrikethrough()] });
  const chunks = markdownChunks(text, options.chunkSize ?? CHUNK_SIZE);
  const lastDefining = chunks.findLastIndex((chunk) => chunk.mayDefine);
  const waiting: Array<Event[][] | MarkdownChunk> = [];
  let index = 0;
  while (index <= lastDefining) {
    const chunk = chunks[index]!;
    if (chunk.list) {
      // A list defines nothing; it is written once every label is known (`[[Paper]]` may name one).
      waiting.push(chunk);
      index++;
      continue;
    }
    const [blocks, next] = parseChunk(parser, text, chunks, index);
    waiting.push(blocks);
    index = next;
  }
  options.beforeText?.(waiting.filter((entry) => Array.isArray(entry)).flat());
  for (const entry of waiting.splice(0)) yield* Array.isArray(entry) ? sliceBlocks(expandContent(entry, text), text) : listSlices(parser, text, entry);
  while (index < chunks.length) {
    const chunk = chunks[index]!;
    if (chunk.list) {
      yield* listSlices(parser, text, chunk);
      index++;
      continue;
    }
    // Only a chunk without containers may hold a table at the top level.
    const rest = chunk.mayContain ? chunk : yield* streamTablePieces(parser, text, chunk, options.tablePieceSize);
    const [blocks, next] = parseChunk(parser, text, chunks, index, rest);
    yield* sliceBlocks(expandContent(blocks, text), text);
    index = next;
  }
}
