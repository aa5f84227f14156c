import { lineEndBefore, nextLineStart } from './line-breaks.js';

/** A stretch of a document that may be parsed on its own, starting at a line start. */
export interface MarkdownChunk {
  start: number;
  end: number;
  /** 1-based line of `start`. */
  line: number;
  /** End of the last non-blank line's text: every block of the chunk must have ended by then. */
  contentEnd: number;
  /** Whether the chunk has a `]:`, without which no line of it can be a link reference definition. */
  mayDefine: boolean;
  /** Whether a line of the chunk may open a block quote or a list item (else no container is ever open). */
  mayContain: boolean;
  /**
   * Whether the chunk is one list and nothing else: it starts, after a block no container holds,
   * with a line `SIMPLE_ITEM` matches, every line up to its blank lines at the end does too, and
   * nothing can run past its end; it has no `]:`, so it defines nothing. `plainListEvents` may write
   * it without micromark.
   */
  list: boolean;
}

/**
 * Characters per chunk: a chunk's tokens stay alive until it is read, and each young-generation
 * garbage collection copies them, so small chunks are faster (4 KB took a third less CPU than 32 KB
 * on a 2 MB catalog); a chunk costs two tokenizers, so going much smaller gains nothing.
 */
export const CHUNK_SIZE = 4 * 1024;

/**
 * Characters that may not start the line of a cut: indentation (containers continue, code is
 * indented), the markers of block quotes and list items (a list may go on after a blank line) and a
 * byte order mark (which the parser drops at the start of its input).
 */
const CONTINUING_START = /^[ \t>*+\-0-9\uFEFF]/;
/** A block quote or list item marker, after any indentation. */
const CONTAINER_START = /^[ \t]*(?:>|[*+-](?:[ \t]|$)|[0-9]{1,9}[.)](?:[ \t]|$))/m;
const BLANK = /^[ \t]*$/;
/** An ATX heading: one line, and no container or paragraph goes on past it. */
const HEADING = /^#{1,6}(?:[ \t]|$)/;
/**
 * A one-line list item, indented two spaces a level, whose text opens no other block: not a list
 * or block quote of its own, not indented code, no fence or HTML that could run on (what the text
 * holds is checked when it is written).
 */
export const SIMPLE_ITEM = /^(?: {2})*[-*+] (?![\t >`~<]|[-*+](?:[ \t]|$)|[0-9]{1,9}[.)](?:[ \t]|$))\S/;

/**
 * Cuts a document into chunks of about `size` characters, only where a parse of everything before
 * the cut leaves nothing open in a whole-document parse: after a blank line, before an unindented
 * line that cannot continue a container. A fenced code or HTML block may still run across such a
 * cut; the parser checks for that (see `contentEnd`) and joins the chunk with the next one.
 *
 * A list of `SIMPLE_ITEM` lines is a chunk of its own whatever its size (see `list`): it is cut
 * before when the block before it is one no container holds (it started after a blank line with
 * a line that cannot continue one, or is a heading, and no line of it could open one; a list
 * interrupts a paragraph or a table), and after where it ends (a blank line then a line that
 * cannot continue it, or a heading).
 */
export function markdownChunks(text: string, size: number): MarkdownChunk[] {
  const chunks: MarkdownChunk[] = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  let lineStart = 0;
  let previousBlank = true;
  let contentEnd = 0;
  /** Whether no container holds the last non-blank line's block. */
  let topLevel = true;
  /** Whether the chunk so far is one list of simple items, then blank lines. */
  let list = false;
  let marker = -1;
  const cut = (end: number): void => {
    const slice = text.slice(start, end);
    const mayDefine = slice.includes(']:');
    chunks.push({ start, end, line: startLine, contentEnd, mayDefine, mayContain: CONTAINER_START.test(slice), list: list && !mayDefine });
  };
  while (lineStart < text.length) {
    const next = nextLineStart(text, lineStart, text.length);
    const lineEnd = lineEndBefore(text, next);
    const content = text.slice(lineStart, lineEnd);
    const blank = BLANK.test(content);
    if (!blank) {
      const continuing = CONTINUING_START.test(content);
      const heading = HEADING.test(content);
      const item = SIMPLE_ITEM.test(content);
      const itemMarker = item ? content.charCodeAt(content.search(/\S/)) : -1;
      const listEnds = list && (heading || (previousBlank && !continuing));
      // A list interrupts a paragraph or a table: at column 1 after a block no container holds, it starts a list.
      const listStarts = item && content.charCodeAt(0) !== 32 && topLevel;
      if (lineStart > start && (listEnds || listStarts || (previousBlank && !continuing && lineStart - start >= size))) {
        cut(lineStart);
        start = lineStart;
        startLine = line;
        list = false;
      }
      if (lineStart === start) {
        list = listStarts;
        marker = itemMarker;
      } else if (list && (previousBlank || !item || itemMarker !== marker)) {
        list = false;
      }
      if (heading || (previousBlank && !continuing)) topLevel = true;
      else if (continuing) topLevel = false;
      contentEnd = lineEnd;
    }
    previousBlank = blank;
    lineStart = next;
    line++;
  }
  if (start < text.length || chunks.length === 0) {
    contentEnd = text.length;
    cut(text.length);
  }
  return chunks;
}
