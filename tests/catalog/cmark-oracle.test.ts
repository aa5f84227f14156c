import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmarkGfmAvailable } from '../support/cmark-oracle.js';
import { compareWithCmark, type Disagreement } from '../support/compare-with-cmark.js';

async function mapConcurrently<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

const root = path.resolve(import.meta.dirname, '../..');
const catalog = path.join(root, 'catalog/awesome-medical-healthcare-dataset-for-llm.md');

/**
 * Where Debian's cmark-gfm (0.29.0.gfm.6) and linkmedic differ on purpose. Each entry says why;
 * the corpus test fails if a listed difference disappears or an unlisted one appears.
 */
const KNOWN_EXCEPTIONS: Array<{ file: string; disagreement: Disagreement; why: string }> = [
  {
    file: 'node_modules/vitest/LICENSE.md',
    disagreement: { attribute: 'href', url: 'mailto:git@github.com', count: 1 },
    why:
      'In "git+ssh://git@github.com/…", gfm.6 links "git@github.com" as an email. Upstream cmark-gfm (commit ef1cfcb, ' +
      'what github.com runs and micromark follows) refuses an email autolink right after "/", so GitHub shows no such link.',
  },
];

// CI installs cmark-gfm (.ci/run); elsewhere the oracle tests are skipped when it is missing.
describe.skipIf(!cmarkGfmAvailable() && !process.env.CI)('extraction agrees with GitHub’s renderer (cmark-gfm)', () => {
  it('finds exactly the bundled catalog’s 205 hrefs (181 distinct) and 31 image srcs', async () => {
    const { oracle, ours, disagreements } = await compareWithCmark(catalog);
    expect(oracle.href).toHaveLength(205);
    expect(new Set(oracle.href).size).toBe(181);
    expect(oracle.src).toHaveLength(31);
    expect(ours.href).toHaveLength(205);
    expect(ours.src).toHaveLength(31);
    expect(disagreements).toEqual([]);
  });

  it.each(['tricky.md', 'crlf.md', 'bom.md'])('agrees on the hand-made edge cases in %s', async (name) => {
    const { ours, disagreements } = await compareWithCmark(path.join(root, 'tests/fixtures/markdown', name));
    expect(ours.href.length).toBeGreaterThan(0);
    expect(disagreements).toEqual([]);
  });

  it('agrees on a 3,000-row table, which is read a piece at a time', async () => {
    const shapes = [
      (row: number) => `| e${row} | [x](https://h.example/${row}) \\| y | \`c|d\` https://b.example/${row} |`,
      (row: number) => `  | indented ${row} | <a href="/h${row}">h</a> | [r](<https://a.example/${row} x>) |`,
      (row: number) => `no pipes ${row} www.example.com/${row}`,
      (row: number) => `| a\tb | ~~s~~ https://s.example/${row} | *e* | extra [x](/x${row}) |`,
    ];
    const rows = Array.from({ length: 3000 }, (_, row) => shapes[row % shapes.length]!(row));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-oracle-')), 'big-table.md');
    writeFileSync(file, `# Big\n\n| Name | Link | Note |\n| --- | :-: | --- |\n${rows.join('\n')}\n## After\nhttps://after.example\n`);
    const { ours, disagreements } = await compareWithCmark(file);
    expect(ours.href.length).toBeGreaterThan(3000);
    expect(disagreements).toEqual([]);
  });

  it('agrees on every markdown file shipped in node_modules, except the documented exceptions', async () => {
    const listing = execFileSync('find', ['node_modules', '-iname', '*.md', '-type', 'f'], { cwd: root, encoding: 'utf8' });
    const seen = new Set<string>();
    const files = listing
      .trim()
      .split('\n')
      .sort()
      .filter((file) => {
        const hash = createHash('sha1').update(readFileSync(path.join(root, file))).digest('hex');
        if (seen.has(hash)) return false;
        seen.add(hash);
        return true;
      });
    const unexplained: Array<{ file: string; disagreement: Disagreement }> = [];
    const explained = new Set<string>();
    let agreeing = 0;
    let links = 0;
    const compared = await mapConcurrently(files, 4, (file) => compareWithCmark(path.join(root, file)));
    for (const [index, file] of files.entries()) {
      const { ours, disagreements } = compared[index]!;
      links += ours.href.length + ours.src.length;
      if (disagreements.length === 0) agreeing++;
      for (const disagreement of disagreements) {
        const known = KNOWN_EXCEPTIONS.find((exception) => exception.file === file && JSON.stringify(exception.disagreement) === JSON.stringify(disagreement));
        if (known) explained.add(known.file);
        else unexplained.push({ file, disagreement });
      }
    }
    console.info(`cmark-gfm agreement: ${agreeing} of ${files.length} distinct markdown files (${links} links); ${explained.size} documented exception(s)`);
    expect(files.length).toBeGreaterThanOrEqual(100);
    expect(unexplained).toEqual([]);
    expect([...explained].sort()).toEqual(KNOWN_EXCEPTIONS.map((exception) => exception.file).sort());
  }, 120_000);
});
