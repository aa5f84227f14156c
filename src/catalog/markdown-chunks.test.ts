import { describe, expect, it } from 'vitest';
import { markdownChunks } from './markdown-chunks.js';

const cuts = (text: string, size = 1) => markdownChunks(text, size).map((chunk) => text.slice(chunk.start, chunk.end));

describe('markdownChunks', () => {
  it.each([
    { name: 'paragraphs', text: 'a\n\nb\n\nc', chunks: ['a\n\n', 'b\n\n', 'c'] },
    { name: 'no blank line', text: 'a\nb\nc\n', chunks: ['a\nb\nc\n'] },
    { name: 'blank lines made of spaces and tabs', text: 'a\n \t\nb\n', chunks: ['a\n \t\n', 'b\n'] },
    { name: 'CRLF and CR line endings', text: 'a\r\n\r\nb\r\rc\r', chunks: ['a\r\n\r\n', 'b\r\r', 'c\r'] },
    { name: 'an indented line (it may continue a list item or code)', text: '- a\n\n  b\n\nc\n', chunks: ['- a\n\n  b\n\n', 'c\n'] },
    { name: 'list items after blank lines (one loose list)', text: '- a\n\n- b\n\n1. c\n\n* d\n\n+ e\n', chunks: ['- a\n\n- b\n\n1. c\n\n* d\n\n+ e\n'] },
    { name: 'block quotes after blank lines', text: '> a\n\n> b\n', chunks: ['> a\n\n> b\n'] },
    { name: 'a byte order mark at a line start', text: 'a\n\n\uFEFFb\n', chunks: ['a\n\n\uFEFFb\n'] },
    { name: 'an empty document', text: '', chunks: [''] },
  ])('cuts $name only where nothing can stay open', ({ text, chunks }) => {
    expect(cuts(text)).toEqual(chunks);
  });

  it('makes chunks of at least the given size, each covering whole lines', () => {
    const text = Array.from({ length: 100 }, (_, index) => `line ${index}\n\n`).join('');
    const chunks = markdownChunks(text, 100);
    expect(chunks.map((chunk) => chunk.end - chunk.start).slice(0, -1).every((length) => length >= 100)).toBe(true);
    expect(chunks.map((chunk) => text.slice(chunk.start, chunk.end)).join('')).toBe(text);
    expect(chunks.map((chunk) => chunk.line)).toEqual(chunks.map((chunk) => text.slice(0, chunk.start).split('\n').length));
  });

  it.each([
    { text: 'a\n\n[x]: /u\n', mayDefine: [false, true], mayContain: [false, false] },
    { text: 'a\n\nb [x]:\n\nc\n', mayDefine: [false, true, false], mayContain: [false, false, false] },
    { text: 'a\n\nb\n  > q\n\nc\n   1) x\n\nd\n-\n', mayDefine: [false, false, false, false], mayContain: [false, true, true, true] },
    { text: 'a -b\n\nb 1.5\n\nc *x*\n', mayDefine: [false, false, false], mayContain: [false, false, false] },
  ])('tells which chunks may hold a definition or a container: $text', ({ text, mayDefine, mayContain }) => {
    const chunks = markdownChunks(text, 1);
    expect(chunks.map((chunk) => chunk.mayDefine)).toEqual(mayDefine);
    expect(chunks.map((chunk) => chunk.mayContain)).toEqual(mayContain);
  });
});
