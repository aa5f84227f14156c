import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMarkdown } from '../../src/catalog/extract-markdown.js';
import { BUNDLED_CATALOG } from '../../src/catalog/read-markdown-files.js';
import { cmarkGfmAvailable, renderWithCmarkGfm, renderedLinks } from '../support/cmark-oracle.js';

const text = readFileSync(BUNDLED_CATALOG, 'utf8');
const { occurrences, findings } = extractMarkdown(text, 'catalog.md');
const codes = (code: string) => findings.filter((finding) => finding.code === code);

describe('the bundled catalog, as GitHub shows it', () => {
  it('is the seed catalog byte for byte', () => {
    const bytes = readFileSync(BUNDLED_CATALOG);
    expect(bytes.length).toBe(46019);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('1d0842181bccd3af64ba63efe2408fac96ace8a6ead237f2fffc50e874df52fd');
  });

  it('keeps the backslashes of escaped bare URLs, as GitHub does (a broken link there)', () => {
    const wikidoc = occurrences.find((occurrence) => occurrence.line === 55)!;
    expect(wikidoc).toMatchObject({
      kind: 'bare',
      url: 'https://huggingface.co/datasets/medalpaca/medical%5C_meadow%5C_wikidoc',
      entry: 'Wikidoc',
      tableColumn: '获取链接',
      section: ['Awesome-Medical-Healthcare-Dataset-For-LLM', 'Datasets', '英文'],
    });
  });

  it('links only the first part of the URL cut by a space', () => {
    const cut = occurrences.filter((occurrence) => occurrence.line === 143 && occurrence.kind === 'bare');
    expect(cut.map((occurrence) => occurrence.url)).toEqual(['https://github.com/SCIR-HI/']);
    expect(cut[0]).toMatchObject({ entry: 'BenTsao', section: ['Awesome-Medical-Healthcare-Dataset-For-LLM', 'Popular LLMs'] });
  });

  it('reports each of its writing mistakes', () => {
    expect(codes('escaped_bare_url').map((finding) => finding.line)).toEqual([43, 55, 56, 57, 58, 59, 60, 62, 68, 72]);
    expect(codes('split_bare_url')).toMatchObject([
      { line: 143, fix: { replacement: 'https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese' } },
    ]);
    expect(codes('table_row_misaligned')).toMatchObject([{ line: 77, message: expect.stringContaining('"pairs"') }]);
    expect(codes('link_syntax_space')).toMatchObject([{ line: 21 }]);
    expect(codes('repo_case_mismatch')).toMatchObject([{ line: 142 }]);
    expect(codes('duplicate_url').map((finding) => finding.line)).toContain(205); // scBERT reuses xTrimoABFold's arXiv id
    expect(codes('duplicate_url').map((finding) => finding.line)).toContain(57); // MEDIQA points at another dataset
    expect(codes('insecure_http').length).toBeGreaterThan(0);
    expect(codes('table_cell_count')).toEqual([]); // every row has 4 cells; the "pairs" row is misaligned, not short
  });

  it.skipIf(!cmarkGfmAvailable() && !process.env.CI)('renders the intended links once every fix is applied', async () => {
    const fixes = findings.flatMap((finding) => (finding.fix ? [finding.fix] : [])).sort((a, b) => b.span.start - a.span.start);
    let fixed = text;
    for (const { span, replacement } of fixes) fixed = fixed.slice(0, span.start) + replacement + fixed.slice(span.end);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-')), 'fixed.md');
    writeFileSync(file, fixed);
    const hrefs = renderedLinks(await renderWithCmarkGfm(file)).href;
    expect(hrefs).toContain('https://huggingface.co/datasets/medalpaca/medical_meadow_wikidoc');
    expect(hrefs).toContain('https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese');
    expect(hrefs).toContain('https://github.com/ywjawmw/TCM_KG');
    expect(hrefs.filter((href) => href.includes('%5C'))).toEqual([]);
    expect(extractMarkdown(fixed, 'fixed.md').findings.filter((finding) => finding.fix)).toEqual([]);
  });
});
