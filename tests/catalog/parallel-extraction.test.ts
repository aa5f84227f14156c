import { describe, expect, it } from 'vitest';
import { extractMarkdown } from '../../src/catalog/extract-markdown.js';

// Worker threads run plain JavaScript, so this exercises the build (`npm ci` and `npm run build`
// make dist/), as the CLI tests do through bin/.
const { extractMarkdownInParallel } = (await import('../../dist/catalog/extract-markdown-in-parallel.js')) as typeof import('../../src/catalog/extract-markdown-in-parallel.js');

/** About `kilobytes` KB of catalog: sections of a table and a list, every URL distinct. */
function catalog(kilobytes: number, prefix = ''): string {
  const sections: string[] = [];
  for (let section = 0, size = 0; size < kilobytes * 1024; section++) {
    const rows = Array.from({ length: 20 }, (_, row) => `| ${prefix}${section}.${row} | *d* | [x](https://t.example/${prefix}${section}/${row}) [r][shared] |`);
    const items = Array.from({ length: 20 }, (_, item) => `- Paper ${prefix}${section}.${item}: [p](https://p.example/${prefix}${section}/${item}) https://b.example/${prefix}${section}/${item}`);
    const text = [`## Section ${prefix}${section}`, '', '| Name | Note | Link |', '|---|---|---|', ...rows, '', ...items, '', ''].join('\n');
    sections.push(text);
    size += text.length;
  }
  return sections.join('');
}

const fenceAcrossTheMiddle = (): string =>
  `${catalog(450, 'a')}\`\`\`\n${'in a fence\n\nnext https://in-fence.example\n\n'.repeat(4000)}\`\`\`\n\n${catalog(450, 'b')}`;

describe('extractMarkdownInParallel', () => {
  it.each([
    { name: 'a 1.1 MB catalog with a byte order mark, whose definition is at its end', text: () => `\uFEFF${catalog(1100)}\n[shared]: https://shared.example\n` },
    { name: 'a catalog whose middle is a fence (it is cut inside it)', text: fenceAcrossTheMiddle },
    { name: 'a small catalog (extracted on the calling thread)', text: () => catalog(20) },
  ])('gives exactly extractMarkdown’s extraction for $name', async ({ text }) => {
    const source = text();
    const parallel = await extractMarkdownInParallel(source, 'list.md', { workers: 2 });
    const sequential = extractMarkdown(source, 'list.md');
    expect(parallel.occurrences.length).toBe(sequential.occurrences.length);
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(sequential));
  }, 180_000);
});
