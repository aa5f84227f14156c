import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, postprocess, preprocess } from 'micromark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Event } from 'micromark-util-types';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from './read-markdown-files.js';
import { parseMarkdownSlices } from './parse-markdown.js';

/** micromark's own whole-document expansion: the reference the sliced expansion must equal. */
const whole = (text: string): Event[] =>
  postprocess(parse({ extensions: [gfmAutolinkLiteral(), gfmTable(), gfmStrikethrough()] }).document().write(preprocess()(text, undefined, true)));

const shape = (events: Event[]) => events.map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}-${token.end.offset}`);

const bigTable = (rows: number): string => {
  const lines = ['| Name | Link |', '|---|---|'];
  for (let row = 0; row < rows; row++) lines.push(`| e${row} [r${row % 3}] | http://h.example/p/${row} \\| x | extra \`c|d\` |`);
  return `${lines.join('\n')}\n\n[r0]: /a\n[r1]: /b\n`;
};

const fixtures = path.resolve(import.meta.dirname, '../../tests/fixtures/markdown');

describe('parseMarkdownSlices', () => {
  it.each([
    { name: 'the bundled catalog', text: () => readFileSync(BUNDLED_CATALOG, 'utf8') },
    { name: 'the tricky fixture', text: () => readFileSync(path.join(fixtures, 'tricky.md'), 'utf8') },
    { name: 'a 1,000-row table with references defined after it', text: () => bigTable(1000) },
    { name: 'references before definitions across blocks', text: () => '- [a]\n\n> [b][]\n\n[a]: /1\n[b]: /2\n' },
    { name: 'nested containers and an unclosed fence', text: () => '- a\n  - b\n    ```\n    x\n\n> q\n> - [l](u)\n\n```\nopen' },
  ])('yields exactly micromark’s whole-document events for $name', ({ text }) => {
    const source = text();
    expect(shape([...parseMarkdownSlices(source)].flat())).toEqual(shape(whole(source)));
  });

  it('cuts a big table into slices of a few hundred rows', () => {
    const slices = [...parseMarkdownSlices(bigTable(1000))];
    const rowsPerSlice = slices.map((slice) => slice.filter(([kind, token]) => kind === 'enter' && token.type === 'tableRow').length);
    expect(Math.max(...rowsPerSlice)).toBeLessThanOrEqual(256);
    expect(rowsPerSlice.reduce((a, b) => a + b, 0)).toBe(1001); // header row + 1,000 body rows
  });
});

describe('parseMarkdownSlices, reading big tables a piece at a time', () => {
  const rows = (count: number, row: (index: number) => string): string[] => Array.from({ length: count }, (_, index) => row(index));
  const catalogRow = (index: number) => `| e${index} | [x](https://h.example/${index}) \\| y | \`c|d\` https://b.example/${index} |`;
  const table = (count: number, row = catalogRow) => ['| Name | Link | Note |', '| --- | :-: | --- |', ...rows(count, row)].join('\n');
  const tricky = (index: number) =>
    [catalogRow(index), `|${index}`, `  | indented ${index} | <a href="/h${index}">h</a> |`, `no pipes at all ${index} www.example.com`, `| a\tb | ~~s~~ | *e* |`, '|', `| trailing ${index} |   `, `| tab ${index} |\t`][index % 8]!;
  /** Rows written without micromark (see `plainRowEvents`): plain cells, one link, empty cells. */
  const plainRow = (index: number) => [`| e${index} | [x](https://h.example/${index}) | note ${index} |`, `|e${index}||  |`, `| 数据 ${index} | [下载](https://d.example/${index}?a=1) |`][index % 3]!;
  /** Mostly plain rows, every other shape now and then, so the reading switches between the two ways. */
  const mixedRow = (index: number) => (index % 7 === 3 ? tricky(index) : plainRow(index));
  const withLines = (events: Event[]) => events.map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}-${token.end.offset} ${token.start.line}:${token.start.column}-${token.end.line}:${token.end.column}`);

  it.each([
    { name: 'a table ended by a blank line and a paragraph', text: () => `${table(300)}\n\nafter https://x.example\n` },
    { name: 'a table ended by a heading on the next line', text: () => `${table(300)}\n# Next\n\ntext https://x.example\n` },
    { name: 'a table at the end of the file, without a final line ending', text: () => table(300) },
    { name: 'a table at the end of the file, with one', text: () => `${table(300)}\n` },
    { name: 'CRLF line endings', text: () => `${table(300).replaceAll('\n', '\r\n')}\r\n\r\nafter\r\n` },
    { name: 'CR line endings', text: () => `${table(300).replaceAll('\n', '\r')}\r\rafter\r` },
    { name: 'rows of every shape', text: () => `${table(600, tricky)}\n\nend\n` },
    { name: 'a paragraph, two tables and a fence, with no blank line between them', text: () => `intro [a](/a)\n${table(200)}\n## H\n${table(200, tricky)}\n\`\`\`\ncode | x\n\`\`\`\n` },
    { name: 'a table whose head rows are indented', text: () => `para\n\n${table(300).replace(/^\| Name/, '   | Name').replace('\n| ---', '\n  | ---')}\n` },
    { name: 'a table a thematic break ends', text: () => `${table(200)}\n***\n${table(100)}\n` },
    { name: 'a table followed by a fence that never closes', text: () => `${table(200)}\n\`\`\`\n${'| a | b |\n'.repeat(50)}` },
    { name: 'a table whose rows hold a line that opens a block quote', text: () => `${table(200)}\n> q [l](/l)\n| x |\n` },
    { name: 'plain rows ended by a blank line', text: () => `${table(300, plainRow)}\n\nafter https://x.example\n` },
    { name: 'plain rows ended by a heading', text: () => `${table(300, plainRow)}\n# Next\n` },
    { name: 'plain rows to the end of the file, without a final line ending', text: () => table(300, plainRow) },
    { name: 'plain rows with CRLF line endings', text: () => `${table(300, plainRow).replaceAll('\n', '\r\n')}\r\n\r\nafter\r\n` },
    { name: 'plain rows with CR line endings', text: () => `${table(300, plainRow).replaceAll('\n', '\r')}\r\rafter\r` },
    { name: 'plain rows among rows of every shape', text: () => `${table(700, mixedRow)}\n\nend\n` },
    { name: 'plain rows among rows of every shape, with CRLF', text: () => `${table(700, mixedRow).replaceAll('\n', '\r\n')}\r\n` },
  ])('yields micromark’s whole-document events for $name', ({ text }) => {
    const source = text();
    const expected = withLines(whole(source));
    for (const tablePieceSize of [1, 50, 1000, 4096]) {
      expect(withLines([...parseMarkdownSlices(source, { tablePieceSize })].flat()), `pieces of ${tablePieceSize}`).toEqual(expected);
    }
  });

  it('yields a 10,000-row table’s first rows after reading only the first piece of it', () => {
    const source = `# Catalog\n\n${table(10_000)}\n`;
    const slices = parseMarkdownSlices(source);
    let first = slices.next();
    while (!first.done && !first.value.some(([kind, token]) => kind === 'enter' && token.type === 'tableData')) first = slices.next();
    const firstRows = first.done ? [] : first.value.filter(([kind, token]) => kind === 'enter' && token.type === 'tableRow');
    expect(firstRows.length).toBeGreaterThan(0);
    expect(firstRows.at(-1)![1].end.offset).toBeLessThan(8 * 1024);
  });
});

describe('parseMarkdownSlices, with the document cut wherever it may be', () => {
  const cutEverywhere = (source: string) => shape([...parseMarkdownSlices(source, { chunkSize: 1, tablePieceSize: 64 })].flat());

  it.each([
    ...['chunk-cuts.md', 'tricky.md', 'crlf.md', 'cr.md', 'bom.md'].map((name) => ({ name, text: () => readFileSync(path.join(fixtures, name), 'utf8') })),
    { name: 'the bundled catalog', text: () => readFileSync(BUNDLED_CATALOG, 'utf8') },
    { name: 'a fence opened inside a list item, closed by the item’s end', text: () => '- a\n  ```\n\nb https://x.example\n' },
    { name: 'a fence that looks closed to a line scanner', text: () => '- a\n  ```\n\n```\n\nb https://x.example\n```\n\nc\n' },
    { name: 'an HTML comment over several cuts', text: () => '<!--\n\na\n\nb\n\n-->\n\nc https://x.example\n' },
    { name: 'a definition inside a fence that never closes', text: () => '[a]\n\n```\n\n[a]: https://x.example\n' },
    { name: 'a reference whose definition is cut off from it', text: () => '[a] [b][a]\n\nx\n\n# h\n\n[a]: https://x.example\n' },
    { name: 'a line starting with a byte order mark', text: () => 'a\n\n\uFEFFb https://x.example\n' },
    { name: 'a long fence cut hundreds of times', text: () => `\`\`\`\n${'a\n\nb https://in.example\n\n'.repeat(300)}\`\`\`\n\nafter https://x.example\n` },
  ])('yields micromark’s whole-document events for $name', ({ text }) => {
    const source = text();
    expect(cutEverywhere(source)).toEqual(shape(whole(source)));
  });

  it('yields micromark’s whole-document events for every markdown file in node_modules', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const files = execFileSync('find', ['node_modules', '-iname', '*.md', '-type', 'f', '-size', '-200k'], { cwd: root, encoding: 'utf8' });
    const texts = new Set(files.trim().split('\n').map((file) => readFileSync(path.join(root, file), 'utf8')));
    const differing = [...texts].filter((source) => JSON.stringify(cutEverywhere(source)) !== JSON.stringify(shape(whole(source))));
    expect(texts.size).toBeGreaterThan(100);
    expect(differing.map((source) => source.slice(0, 80))).toEqual([]);
  }, 300_000);
});
