import { parse, postprocess, preprocess } from 'micromark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Event } from 'micromark-util-types';
import { describe, expect, it } from 'vitest';
import { markdownChunks } from './markdown-chunks.js';
import { parseMarkdownSlices } from './parse-markdown.js';
import { plainListEvents } from './plain-list-events.js';

const parser = () => parse({ extensions: [gfmAutolinkLiteral(), gfmTable(), gfmStrikethrough()] });
const whole = (text: string): Event[] => postprocess(parser().document().write(preprocess()(text, undefined, true)));
const shape = (events: readonly Event[]) =>
  events.map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}-${token.end.offset} ${token.start.line}:${token.start.column}-${token.end.line}:${token.end.column}`);

/** The writer's answer for `list` as the only chunk of a document (the labels `defined` known). */
function written(list: string, defined: string[] = []): Event[] | undefined {
  const context = parser().flow({ line: 1, column: 1, offset: 0 });
  context.parser.defined.push(...defined);
  return plainListEvents(list, { start: 0, end: list.length, line: 1, contentEnd: list.length, mayDefine: false, mayContain: true, list: true }, context);
}

/** Lists the writer writes itself. */
const WRITTEN = [
  '- a\n- b\n',
  '* [Name](https://x.example) - what it holds\n* b\n',
  '+ x\n',
  '- a\r\n- b\r\n\r\n',
  '- a\r- b\r\r',
  '- a\n- b',
  '- a\n- b\n\n\n',
  '- 医学对话 [下载](https://d.example/1) https://e.example/x\n',
  '- *a* **b** c\n',
  '- [[Paper]](https://arxiv.org/abs/1) [[Code]](https://github.com/o/r)\n',
  '- 2023 study\n- 1.5 GB\n',
  '- a | b\n- |c|\n',
  '- -a\n- +b\n',
  '- ===\n- a\n',
  '* *a*\n',
  '- a\n  - b [x](https://x.example)\n  - c\n- d\n',
  '- a\n  - b\n    - c\n      - d\n- e\n\n',
  '- a\n  - b\n    - c\n  - d\n    - e\n- f',
  '* a\r\n  * b\r\n* c\r\n',
  '- a\n  - b\n',
  '- `code` and [a](https://a.example)\n',
];

/** Lists left to micromark, each for a reason the writer must not get wrong. */
const LEFT = [
  '- a\n* b\n',
  '- - a\n',
  '- ---\n',
  '- - - -\n',
  '- # h\n',
  '- > q\n',
  '- 1. x\n',
  '- 1) x\n',
  '-  two spaces\n',
  '-\ttab\n',
  '- a\n  b\n',
  '- a\n    - skips a level\n',
  '- a\n   - three spaces\n',
  '- a\n - one space\n',
  '- a\n  * other marker\n',
  '- a\n  - - nested twice\n',
  '- a\n  - ~~struck~~\n',
  '- a\n\n  - after a blank line\n',
  '- a\nlazy\n',
  '- a\n\n- b\n',
  '- a  \n',
  '- a\t\n',
  '- <b>x</b>\n',
  '- ![i](https://i.example/i.png)\n',
  '- a_b_\n',
  '- a\n   \n',
  '-\n',
  '- a\n-\n',
  '- [x]\n',
  '1. a\n',
];

describe('plainListEvents', () => {
  it.each(WRITTEN)('writes micromark’s events for %j', (list) => {
    const events = written(list);
    expect(events).toBeDefined();
    expect(shape(events!)).toEqual(shape(whole(list)));
  });

  it.each(LEFT)('leaves %j to micromark', (list) => {
    expect(written(list)).toBeUndefined();
  });

  it('leaves a bracketed word that names a definition to micromark (it is a reference there)', () => {
    const list = '- [[Paper]](https://p.example)\n';
    expect(written(list, ['PAPER'])).toBeUndefined();
    expect(written(list, ['CODE'])).toBeDefined();
  });
});

describe('parseMarkdownSlices with lists written without micromark', () => {
  const around = [
    (list: string) => list,
    (list: string) => `# Heading\n${list}`,
    (list: string) => `# Heading\n\n${list}\n## Next\n`,
    (list: string) => `para\n\n${list}\npara\n`,
    (list: string) => `para\n${list}`,
    (list: string) => `| a | b |\n|---|---|\n| c | d |\n${list}para\n${list}`,
    (list: string) => `<div>\n${list}\n</div>\n\n<x-y>\n${list}`,
    (list: string) => `- x\nlazy\n${list}`,
    (list: string) => `\`\`\`\n# in code\n${list}\`\`\`\n\n~~~\ncode\n${list}`,
    (list: string) => `<!--\n# in a comment\n${list}-->\n`,
    (list: string) => `| a |\n|---|\n| b |\n\n${list}\n| c |\n|---|\n`,
    (list: string) => `- before\n\n${list}`,
    (list: string) => `> quote\n\n${list}\n  indented after\n`,
    (list: string) => `${list}- [a]: https://d.example\n\n[[Paper]](x)\n`,
    (list: string) => `\`\`\`\n# in code\n\n${list}\n\`\`\`\n\n${list}`,
    (list: string) => `${list}\n[paper]: https://d.example\n`,
  ];

  it.each([...WRITTEN, ...LEFT, '- [[Paper]](https://p.example)\n'])('yields micromark’s whole-document events for %j in every context', (list) => {
    for (const place of around) {
      const source = place(list);
      for (const chunkSize of [1, 4096]) expect(shape([...parseMarkdownSlices(source, { chunkSize })].flat()), JSON.stringify(source)).toEqual(shape(whole(source)));
    }
  });

  it('writes the lists of a generated catalog itself, nested ones too, and its events are micromark’s', () => {
    const lines: string[] = [];
    for (let section = 0; section < 40; section++) {
      const items = Array.from({ length: 10 }, (_, item) => `- Paper ${section}-${item}: a study [[Paper]](https://arxiv.org/abs/${section}.${item}) https://example.org/${item}`);
      if (section % 5 === 0) items[3] = `- odd ~~struck~~ ${section}`;
      // Some lists nest two levels deep.
      if (section % 3 === 1) [items[2], items[3], items[4]] = [`  ${items[2]}`, `    ${items[3]}`, `  ${items[4]}`];
      lines.push(`## Section ${section}`, ...(section % 2 ? [''] : []), ...items, '', `Text ${section}.`, '');
    }
    const source = lines.join('\n');
    const chunks = markdownChunks(source, 4096).filter((chunk) => chunk.list);
    const context = parser().flow({ line: 1, column: 1, offset: 0 });
    expect(chunks).toHaveLength(40);
    expect(chunks.filter((chunk) => plainListEvents(source, chunk, context))).toHaveLength(32);
    expect(shape([...parseMarkdownSlices(source)].flat())).toEqual(shape(whole(source)));
  });
});
