import { parse, postprocess, preprocess } from 'micromark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Event, TokenizeContext } from 'micromark-util-types';
import { describe, expect, it } from 'vitest';
import { plainRowEvents } from './plain-table-row.js';

const whole = (text: string): Event[] =>
  postprocess(parse({ extensions: [gfmAutolinkLiteral(), gfmTable(), gfmStrikethrough()] }).document().write(preprocess()(text, undefined, true)));

const shape = (events: readonly Event[]) =>
  events.map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}-${token.end.offset} ${token.start.line}:${token.start.column}-${token.end.line}:${token.end.column}`);

/** Each body row's events as micromark gives them for the whole document, beside what `plainRowEvents` writes. */
function compareRows(rows: readonly string[]): Array<{ row: string; micromark: string[]; plain: string[] | undefined }> {
  const head = '| Name | Link | Note |\n| --- | :-: | --- |\n';
  const text = `${head}${rows.join('\n')}\n`;
  const events = whole(text);
  const context = {} as TokenizeContext;
  const found: Array<{ row: string; micromark: string[]; plain: string[] | undefined }> = [];
  let offset = head.length;
  const find = (from: number, kind: Event[0], type: string): number => {
    let index = from;
    while (events[index]![0] !== kind || events[index]![1].type !== type) index++;
    return index;
  };
  let at = find(0, 'enter', 'tableBody');
  for (const [index, row] of rows.entries()) {
    const enter = find(at, 'enter', 'tableRow');
    const exit = find(enter, 'exit', 'tableRow');
    const plain = plainRowEvents(text, offset, offset + row.length, index + 3, context);
    found.push({ row, micromark: shape(events.slice(enter, exit + 1)), plain: plain && shape(plain) });
    at = exit;
    offset += row.length + 1;
  }
  return found;
}

/** Cells that stay with micromark, each for a reason the row parser must not get wrong. */
const MARKUP = [
  'a_b_', '~~s~~', 'www.example.com', 'see http://x.example.', 'mail a@b.example', 'a &amp; b', 'a \\| b', '`c|d`',
  '[x]', '![i](https://i.example/i.png)', '[x](https://u.example "title")', '[x](<https://u.example>)', '[x](https://u.example/(1))',
  'a\tb', '[](https://u.example)', '[ x ](https://u.example)', '[x](https://u.example/a&b)',
  '<b>bold</b>', '![i](https://i.example/i.png) x', 'x ![i](https://i.example/i.png)', 'x\u00a0', '\u3000lead', '[*x*](https://u.example)',
];
/** Cells the row parser writes itself. */
const PLAIN = [
  '', ' ', '   ', 'dataset 1', '  spaced  ', 'Huatuo-26M 中医问答数据集', 'size: 2.1GB (zip), v1.0 / 2023', 'a  b', '!', 'x > y = z + 1 #2',
  '[data](https://h.example/datasets/1)', '[下载链接](https://huggingface.co/datasets/shibing624/medical)', ' [x y](http://127.0.0.5:40000/d/1?q=1#f) ',
  '[Paper](https://arxiv.org/abs/2305.12031v2)', '[a:b](ftp://f.example/x_y*z~w)', '[x](https://u.example)!',
  '*x*', '[x](https://u.example) [y](https://v.example)', 'Name - see [code](https://c.example/r) and [paper](https://p.example/1) (2023)',
];

describe('plainRowEvents', () => {
  it.each(PLAIN)('writes micromark’s events for a row with the cell %j', (cell) => {
    const rows = [`| ${cell} |`, `|${cell}|`, `| e | ${cell} | n |`, `| e | ${cell} | n | extra |`, `| e |${cell}|`];
    for (const { row, micromark, plain } of compareRows(rows)) expect(plain, row).toEqual(micromark);
  });

  it.each(MARKUP)('leaves a row with the cell %j to micromark', (cell) => {
    for (const { row, plain } of compareRows([`| e | ${cell} | n |`, `|${cell}|`])) expect(plain, row).toBeUndefined();
  });

  it.each(['e | [x](https://u.example) |', '| e | [x](https://u.example)', '| e | x | ', ' | e | x |', '|'])('leaves a row without both outer pipes to micromark (%j)', (row) => {
    expect(compareRows([row])[0]!.plain).toBeUndefined();
  });

  it('agrees with micromark on 3,000 generated rows, and writes most of them itself', () => {
    let seed = 7;
    const next = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    // Mostly what catalogs write, with markup and stray syntax mixed in.
    const odd = [...MARKUP, '|', '[', ']', '(', ')', 'http', '://', 'www', '.', '@', '_', '*', '\\', '&', '\t'];
    const piece = () => (next(10) < 8 ? PLAIN[next(PLAIN.length)] : odd[next(odd.length)]);
    const rows = Array.from({ length: 3000 }, () => {
      const cells = Array.from({ length: 1 + next(5) }, () => Array.from({ length: 1 + next(2) }, piece).join(next(2) ? '' : ' '));
      return `|${cells.join('|')}|`;
    });
    const compared = compareRows(rows);
    for (const { row, micromark, plain } of compared) if (plain) expect(plain, row).toEqual(micromark);
    const written = compared.filter(({ plain }) => plain).length;
    expect(written).toBeGreaterThan(1000);
    expect(written).toBeLessThan(3000);
  });
});
