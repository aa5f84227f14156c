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
