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
    { name: 'after a heading and a blank line, up to a paragraph', text: '# H\n\n- a\n- b\n\nP\n', chunks: ['# H\n\n', '- a\n- b\n\n', 'P\n'], lists: [false, true, false] },
    { name: 'right after a heading, up to the next heading', text: '# H\n* a\n# I\n- b\n', chunks: ['# H\n', '* a\n', '# I\n', '- b\n'], lists: [false, true, false, true] },
    { name: 'after a paragraph, which it interrupts', text: 'p\n- a\n', chunks: ['p\n', '- a\n'], lists: [false, true] },
    { name: 'after a table, which it interrupts', text: '| a |\n|---|\n- a\n', chunks: ['| a |\n|---|\n', '- a\n'], lists: [false, true] },
    { name: 'after a lazy line of another list', text: '- a\nlazy\n- b\n', chunks: ['- a\nlazy\n- b\n'], lists: [false] },
    { name: 'after a table and a blank line', text: '| a |\n|---|\n\n- a\n', chunks: ['| a |\n|---|\n\n', '- a\n'], lists: [false, true] },
    { name: 'after another list (it may go on: then cut by size only)', text: '- a\n\n- b\n\nc\n', chunks: ['- a\n\n- b\n\nc\n'], lists: [false] },
    { name: 'after a block quote (it may go on)', text: '> a\n\n- b\n', chunks: ['> a\n\n- b\n'], lists: [false] },
    { name: 'with a lazy line', text: '# H\n\n- a\nlazy\n\nc\n', chunks: ['# H\n\n', '- a\nlazy\n\nc\n'], lists: [false, false] },
    { name: 'with nested items', text: '# H\n\n- a\n  - b\n    - c\n\nd\n', chunks: ['# H\n\n', '- a\n  - b\n    - c\n\n', 'd\n'], lists: [false, true, false] },
    { name: 'with an indented continuation line', text: '# H\n\n- a\n  b\n\nc\n', chunks: ['# H\n\n', '- a\n  b\n\nc\n'], lists: [false, false] },
    { name: 'starting indented', text: '# H\n\n  - a\n\nc\n', chunks: ['# H\n\n  - a\n\nc\n'], lists: [false] },
    { name: 'of items whose text may open a block', text: '# H\n\n- ```\n- a\n', chunks: ['# H\n\n- ```\n- a\n'], lists: [false] },
    { name: 'with a definition', text: '# H\n\n- [a]: /u\n', chunks: ['# H\n\n', '- [a]: /u\n'], lists: [false, false] },
  ])('makes a list of simple items a chunk of its own whatever the size: $name', ({ text, chunks, lists }) => {
    expect(cuts(text, 1e9)).toEqual(chunks);
    expect(markdownChunks(text, 1e9).map((chunk) => chunk.list)).toEqual(lists);
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
