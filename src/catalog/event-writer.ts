import type { Event, Point, Token, TokenizeContext, TokenType } from 'micromark-util-types';

/** micromark's tokens for one line of text, written with its offsets, line and columns. */
export class EventWriter {
  readonly events: Event[] = [];
  /** `lineStart`: the offset of column 1 of `line`. */
  /** The labels the document defines (normalized), if known: a `[[label]]` naming one is a reference. */
  readonly defined: readonly string[] | undefined;

  constructor(
    private readonly line: number,
    private readonly lineStart: number,
    private readonly context: TokenizeContext,
  ) {
    this.defined = (context as Partial<TokenizeContext>).parser?.defined;
  }

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

/** Column 1 of `line`, at `offset`: where a line ending ends and a line starts. */
export const lineStartPoint = (line: number, offset: number): Point => ({ line, column: 1, offset, _index: 0, _bufferIndex: -1 });

/** A `lineEnding` or `lineEndingBlank` token from `start` to `next`, the start of the following line. */
export function lineBreakEvents(type: 'lineEnding' | 'lineEndingBlank', start: Point, next: number, context: TokenizeContext): Event[] {
  const token: Token = { type, start, end: lineStartPoint(start.line + 1, next) };
  return [['enter', token, context], ['exit', token, context]];
}
