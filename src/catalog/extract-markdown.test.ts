import { describe, expect, it } from 'vitest';
import { extractMarkdown } from './extract-markdown.js';
import type { LinkOccurrence } from './link-occurrence.js';

const only = (markdown: string): LinkOccurrence => {
  const { occurrences } = extractMarkdown(markdown, 'doc.md');
  expect(occurrences).toHaveLength(1);
  return occurrences[0]!;
};

describe('extractMarkdown: link kinds and the href GitHub emits', () => {
  it.each([
    { name: 'inline', md: 'a [text](https://x.example/p "t") b', url: 'https://x.example/p', kind: 'inline', text: 'text' },
    { name: 'inline with escapes and entities', md: '[t](https://x.example/a\\_b?q=1&amp;r=2)', url: 'https://x.example/a_b?q=1&r=2', kind: 'inline', text: 't' },
    { name: 'inline in angle brackets with a space', md: '[t](<https://x.example/a b>)', url: 'https://x.example/a%20b', kind: 'inline', text: 't' },
    { name: 'empty destination', md: '[t]()', url: '', kind: 'inline', text: 't' },
    { name: 'full reference', md: '[t][Ref]\n\n[ref]: https://r.example', url: 'https://r.example', kind: 'reference', text: 't' },
    { name: 'collapsed reference', md: '[Ref][]\n\n[ref]: https://r.example', url: 'https://r.example', kind: 'reference', text: 'Ref' },
    { name: 'shortcut reference', md: '[ref]\n\n[ref]: https://r.example', url: 'https://r.example', kind: 'reference', text: 'ref' },
    { name: 'autolink', md: '<https://a.example/x\\_y>', url: 'https://a.example/x%5C_y', kind: 'autolink', text: 'https://a.example/x\\_y' },
    { name: 'email autolink', md: '<me@mail.example>', url: 'mailto:me@mail.example', kind: 'autolink', text: 'me@mail.example' },
    { name: 'bare http', md: 'see https://b.example/path.', url: 'https://b.example/path', kind: 'bare', text: 'https://b.example/path' },
    { name: 'bare www', md: 'see www.b.example/x', url: 'http://www.b.example/x', kind: 'bare', text: 'www.b.example/x' },
    { name: 'bare with escapes kept', md: 'https://hf.example/a\\_b', url: 'https://hf.example/a%5C_b', kind: 'bare', text: 'https://hf.example/a\\_b' },
    { name: 'bare email', md: 'write to a@b.example', url: 'mailto:a@b.example', kind: 'bare', text: 'a@b.example' },
    { name: 'image', md: '![alt](https://i.example/i.png)', url: 'https://i.example/i.png', kind: 'image', text: 'alt' },
    { name: 'html a href', md: '<a href="https://h.example/?a=1&amp;b=2">go</a>', url: 'https://h.example/?a=1&b=2', kind: 'html', text: 'go' },
    { name: 'inline html img src', md: 'x <img src=\'https://h.example/i.png\'> y', url: 'https://h.example/i.png', kind: 'html', text: 'https://h.example/i.png' },
  ])('$name', ({ md, url, kind, text }) => {
    const occurrence = only(md);
    expect(occurrence).toMatchObject({ url, kind, text, file: 'doc.md' });
  });

  it.each([
    { name: 'code span', md: 'x `https://code.example [a](b)` y' },
    { name: 'fenced code', md: '```\n[a](https://f.example) https://g.example\n```' },
    { name: 'indented code', md: 'para\n\n    https://indented.example' },
    { name: 'link inside image alt text', md: '![see [a](https://inner.example)](https://image.example)' },
    { name: 'reference without definition', md: '[nope][missing]' },
    { name: 'cell past the header in a table', md: '| a |\n|---|\n| x | https://dropped.example |' },
    { name: 'space between ] and (', md: '[text] (not-a-url)' },
  ])('finds no link in $name (beyond what GitHub shows)', ({ md }) => {
    const urls = extractMarkdown(md, 'doc.md').occurrences.map((occurrence) => occurrence.url);
    expect(urls.filter((url) => /inner|dropped|code|f\.example|g\.example|indented|missing|not-a-url/.test(url))).toEqual([]);
  });

  it('applies GitHub’s tagfilter: links after a disarmed <textarea> are live', () => {
    const urls = extractMarkdown('<textarea><a href="https://after.example">x</a></textarea>', 'doc.md').occurrences.map((o) => o.url);
    expect(urls).toEqual(['https://after.example']);
  });

  it('uses the first of two definitions with the same label, case-insensitively', () => {
    const occurrence = only('[x][A]\n\n[a]: https://first.example\n[A]: https://second.example');
    expect(occurrence.url).toBe('https://first.example');
  });
});

describe('extractMarkdown: positions', () => {
  it.each([
    { name: 'inline link', md: '# T\n\nsee [x](https://p.example/a) here', line: 3, column: 9, raw: 'https://p.example/a' },
    { name: 'bare URL after CJK text', md: '中文 https://p.example/b', line: 1, column: 4, raw: 'https://p.example/b' },
    { name: 'CRLF line endings', md: 'a\r\nb\r\n[x](https://p.example/c)', line: 3, column: 5, raw: 'https://p.example/c' },
    { name: 'tab before the link', md: '-\t[x](https://p.example/d)', line: 1, column: 7, raw: 'https://p.example/d' },
    { name: 'html attribute value', md: '<p>\n  <a class="c" href="https://p.example/e">e</a>\n</p>', line: 2, column: 22, raw: 'https://p.example/e' },
    { name: 'entity-encoded html value', md: '<a href="https://p.example/?a&amp;b">e</a>', line: 1, column: 10, raw: 'https://p.example/?a&amp;b' },
    { name: 'reference: the definition’s URL', md: '[x][r]\n\n[r]: <https://p.example/f>', line: 3, column: 7, raw: 'https://p.example/f' },
  ])('$name', ({ md, line, column, raw }) => {
    const occurrence = only(md);
    expect({ line: occurrence.line, column: occurrence.column }).toEqual({ line, column });
    expect(md.slice(occurrence.span.start, occurrence.span.end)).toBe(raw);
  });

  it('keeps spans on the file’s own characters when it starts with a byte order mark', () => {
    const md = '\uFEFF# T\n[x](https://bom.example)';
    const occurrence = only(md);
    expect(md.slice(occurrence.span.start, occurrence.span.end)).toBe('https://bom.example');
    expect({ line: occurrence.line, column: occurrence.column }).toEqual({ line: 2, column: 5 });
  });

  it('records where a reference is used, apart from where its URL is written', () => {
    const occurrence = only('intro\n\nsee [x][r] now\n\n[r]: https://p.example');
    expect(occurrence.definition).toEqual({ label: 'r', line: 5 });
    expect(occurrence.usedAt).toMatchObject({ line: 3, column: 5 });
  });
});

describe('extractMarkdown: catalog context', () => {
  it.each([
    {
      name: 'heading path, deeper headings replace siblings',
      md: '# A\n## B\n### C\n## D\n[x](https://c.example)',
      context: { section: ['A', 'D'] },
    },
    { name: 'setext headings', md: 'Top\n===\n\nSub\n---\n\n[x](https://c.example)', context: { section: ['Top', 'Sub'] } },
    { name: 'heading text without markup', md: '## The `code` &amp; **bold** _it_\n\n[x](https://c.example)', context: { section: ['The code & bold it'] } },
    {
      name: 'table row: first cell is the entry, header names the column',
      md: '| Name | Type | Link |\n|---|---|---|\n| **MedDialog** | text | [下载](https://c.example) |',
      context: { entry: 'MedDialog', tableColumn: 'Link' },
    },
    { name: 'list item starting with a link', md: '- [BioGPT](https://c.example) - a model', context: { entry: 'BioGPT' } },
    {
      name: 'list item with a title before its links',
      md: '- Med-PaLM 2: Towards Expert-Level QA [[Paper]](https://c.example)',
      context: { entry: 'Med-PaLM 2: Towards Expert-Level QA' },
    },
    {
      name: 'nested list item is its own entry',
      md: '- Parent\n  - Child [x](https://c.example)\n- Other',
      context: { entry: 'Child' },
    },
    {
      name: 'reference link takes the context of its use, not of its definition',
      md: '## Used\n\n- Item [x][r]\n\n## Defined\n\n[r]: https://c.example',
      context: { section: ['Used'], entry: 'Item' },
    },
  ])('$name', ({ md, context }) => {
    expect(only(md)).toMatchObject(context);
  });

  it('gives no entry to a plain paragraph', () => {
    const occurrence = only('# S\n\nJust text [x](https://c.example).');
    expect(occurrence.entry).toBeUndefined();
    expect(occurrence.tableColumn).toBeUndefined();
  });
});
