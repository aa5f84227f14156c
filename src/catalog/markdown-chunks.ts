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

/**
 * Cuts a document into chunks of about `size` characters, only where a parse of everything before
 * the cut leaves nothing open in a whole-document parse: after a blank line, before an unindented
 * line that cannot continue a container. A fenced code or HTML block may still run across such a
 * cut; the parser checks for that (see `contentEnd`) and joins the chunk with the next one.
 */
export function markdownChunks(text: string, size: number): MarkdownChunk[] {
  const chunks: MarkdownChunk[] = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  let lineStart = 0;
  let previousBlank = false;
  let contentEnd = 0;
  const cut = (end: number): void => {
    const slice = text.slice(start, end);
    chunks.push({ start, end, line: startLine, contentEnd, mayDefine: slice.includes(']:'), mayContain: CONTAINER_START.test(slice) });
  };
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const next = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
    const blank = BLANK.test(text.slice(lineStart, lineEnd));
    if (previousBlank && !blank && lineStart - start >= size && !CONTINUING_START.test(text.slice(lineStart, lineStart + 1))) {
      cut(lineStart);
      start = lineStart;
      startLine = line;
    }
    if (!blank) contentEnd = lineEnd;
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
