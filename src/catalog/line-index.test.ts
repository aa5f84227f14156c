import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index.js';

describe('LineIndex', () => {
  it.each([
    'plain\nlines\n',
    'CRLF\r\nand CR\rendings\n',
    'pairs \u{1F600}\u{1F600} then text\nand 数据 \u{1F4BE}x',
    'lone \uD800 high, lone \uDC00 low, \uD800\uD800\uDC00 and \uD83D\uDE00\uDC00 runs',
    '',
  ])('gives every offset of %j the line and the column in characters', (text) => {
    const index = new LineIndex(text);
    const starts = [0, ...[...text.matchAll(/\r\n|\r|\n/g)].map((ending) => ending.index + ending[0].length)];
    for (let offset = 0; offset <= text.length; offset++) {
      const line = starts.filter((start) => start <= offset).length;
      expect(index.position(offset), `offset ${offset}`).toEqual({ line, column: [...text.slice(starts[line - 1], offset)].length + 1 });
    }
  });
});
