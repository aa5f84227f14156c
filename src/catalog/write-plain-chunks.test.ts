import { parse, postprocess, preprocess } from 'micromark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { subtokenize } from 'micromark-util-subtokenize';
import type { Event } from 'micromark-util-types';
import { describe, expect, it } from 'vitest';
import { writePlainChunks } from './write-plain-chunks.js';

const parser = () => parse({ extensions: [gfmAutolinkLiteral(), gfmTable(), gfmStrikethrough()] });
const shape = (events: readonly Event[]) =>
  events.map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}-${token.end.offset} ${token.start.line}:${token.start.column}-${token.end.line}:${token.end.column}`);

/** micromark's expansion of `source`, and the same with `writePlainChunks` before each pass; how many chunks it wrote. */
function bothWays(source: string): { micromark: string[]; written: string[]; chunks: number; plain: number } {
  const micromark = shape(postprocess(parser().document().write(preprocess()(source, undefined, true))));
  const events = parser().document().write(preprocess()(source, undefined, true));
  let chunks = 0;
  let plain = 0;
  for (;;) {
    const before = events.filter(([kind, token]) => kind === 'enter' && token.type === 'chunkText').length;
    writePlainChunks(events, source);
    const after = events.filter(([kind, token]) => kind === 'enter' && token.type === 'chunkText').length;
    chunks += before;
    plain += before - after;
    if (subtokenize(events)) break;
  }
  return { micromark, written: shape(events), chunks, plain };
}

/** Text `writePlainChunks` writes itself. */
const PLAIN = [
  'Name', 'Huatuo-26M: 中医问答数据集 (2023), v1.0 / 2.1GB', '[Paper](https://arxiv.org/abs/2305.09617)', 'Name - [code](https://c.example/r) and [paper](https://p.example/1)',
  '[a](https://a.example)[b](https://b.example)', '[x](https://u.example)!', 'wow!', 'a (b) c', 'x > y', '[下载链接](https://huggingface.co/datasets/shibing624/medical)',
  '[[Paper]](https://arxiv.org/abs/2305.09617) [[Code]](https://github.com/o/r)', 'Med-PaLM 2: Towards QA [[Paper]](https://arxiv.org/pdf/2305.09617.pdf)',
  'with *notes* about 0-0', '**bold text** x', '*a*', 'a *b* **c d** e', '医学对话数据 with *notes* about 0-0',
  'https://mimic.mit.edu/docs/iii/', 'see https://x.example', 'see https://example.org/0-1 and https://a.example/x_y/z.html?q=1#f now', 'https://ftp.ncbi.nlm.nih.gov/pub/pmc/oa_bulk',
  '`c`', 'use `npm i x` here', '`a` and `b`', '`a\\b`', '`<b>`', '`[x](y)`', '`*a*`', '`https://x.example`', 'x`a`y', '`a_b`', '`a|b`',
];
/** Text left to micromark, each for a reason it must not get wrong. */
const MARKUP = [
  'see ![i](https://i.example/i.png)', 'a_b_', '~~s~~', 'www.example.com', 'a@b.example', 'a &amp; b', 'a \\* b',
  '`a`b`', '`` a ``', '` a `', '` a`', '`a `', '`a', 'a`', '`a``', '``a``', '`a\tb`', '[`a`](https://u.example)', '*`a`*',
  '[x]', '[[a] b](https://p.example)', '[a [b]](https://p.example)', '[[a]](https://p.example) [a]', '[x](https://u.example "t")',
  '*a *', 'a*b*', '*a*b', '***x***', '* a*', '**a*', '*a**', '*a* *', 'x *[a](https://u.example)*', '*a*.',
  'see https://example.org/x.', '(https://e.org/x)', 'https://e.org/x)', 'https://localhost/x', 'https://a.example/x_', 'HTTPS://A.EXAMPLE', 'https://127.0.0.1:8080/x', 'x https://a_b.example/', '[x](<https://u.example>)', '[x](https://u.example/(1))', '[](https://u.example)',
  '[ x ](https://u.example)', '<b>bold</b>', 'x\u00a0', 'line one\nline two', 'trailing  ', '[x](https://u.example/a&b)', '[x] (https://u.example)',
];

/** Bare URLs near the edges of what GFM takes: written here or not, the events must be micromark's. */
const URLS = [
  'https://127.0.0.5/datasets/1', 'https://x.y', 'https://a-b.example/', 'http://a.b.c.d/e/f/', 'https://x.example/a,b', 'https://x.example/a;b', 'https://x.example/?',
  'https://x.example/#', 'https://x.example/a:b', 'https://xn--80ak6aa92e.com/', 'https://a.example/%20', 'https://-a.example/', 'https://a.example-/', 'https://a..b/',
  'x https://a.example/b~c/d', 'https://a.example/b?c=d&e', 'https://a.example/(x', 'https://a.example/x]', 'https://1.2/', 'https://a.b/c.d.e/f',
];

describe('writePlainChunks', () => {
  it.each([...PLAIN, ...MARKUP, ...URLS])('leaves micromark’s events as they are for %j in a paragraph, a list item, a heading and a cell', (text) => {
    for (const source of [`${text}\n`, `- ${text}\n- other\n`, `# ${text}\n`, `| A |\n|---|\n| ${text} |\n`, `> 1. ${text}\n`]) {
      const { micromark, written } = bothWays(source);
      expect(written, JSON.stringify(source)).toEqual(micromark);
    }
  });

  it.each(PLAIN)('writes %j itself', (text) => {
    expect(bothWays(`- ${text}\n`).plain).toBe(1);
  });

  it.each(MARKUP)('leaves %j to micromark', (text) => {
    expect(bothWays(`- ${text}\n`).plain).toBe(0);
  });

  it('agrees with micromark on a generated catalog of lists, headings and tables, and writes most of its text', () => {
    let seed = 11;
    const next = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const odd = [...MARKUP.filter((text) => !text.includes('\n')), '[', ']', '(', ')', '!', 'http', '://', 'www', '.', '@', '_', '*', '\\', '&'];
    const piece = () => (next(10) < 7 ? PLAIN[next(PLAIN.length)]! : odd[next(odd.length)]!);
    const inline = () => Array.from({ length: 1 + next(3) }, piece).join(next(3) ? ' ' : '');
    const lines: string[] = [];
    for (let section = 0; section < 60; section++) {
      lines.push(`## ${inline()}`, '', ...Array.from({ length: 8 }, () => `- ${inline()}`), '', '| A | B |', '|---|---|', ...Array.from({ length: 4 }, () => `| ${inline()} | ${inline()} |`), '');
    }
    const { micromark, written, chunks, plain } = bothWays(lines.join('\n'));
    expect(written).toEqual(micromark);
    expect(plain).toBeGreaterThan(chunks / 3);
    expect(plain).toBeLessThan(chunks);
  });

  it.each([
    ['- [Paper](https://p.example) [paper]\n\n[paper]: https://d.example\n', 0],
    // A bracketed word that names a definition is a reference link, inside the outer label: left to micromark.
    ['- [[Paper]](https://p.example)\n\n[paper]: https://d.example\n', 0],
    ['- [[Code]](https://p.example)\n\n[paper]: https://d.example\n', 1],
  ])('leaves micromark’s events as they are with definitions in the document (%j)', (source, plain) => {
    const both = bothWays(source);
    expect(both.written).toEqual(both.micromark);
    expect(both.plain).toBe(plain);
  });
});
