import { describe, expect, it } from 'vitest';
import type { LinkOccurrence } from '../catalog/link-occurrence.js';
import type { LintCode, LintFinding } from '../catalog/lint-finding.js';
import type { Verdict } from '../check/verdict.js';
import { suggestMarkdownFixes } from './suggest-markdown-fixes.js';

function finding(code: LintCode, url: string | undefined, replacement: string | undefined): LintFinding {
  const occurrence: LinkOccurrence | undefined = url === undefined ? undefined : {
    url, kind: 'bare', text: url, file: 'README.md', line: 3, column: 5, span: { start: 10, end: 10 + url.length }, section: [],
  };
  return {
    code, message: 'm', file: 'README.md', line: 3, column: 5,
    ...(occurrence ? { occurrence } : {}),
    ...(replacement !== undefined ? { fix: { span: { start: 10, end: 60 }, replacement } } : {}),
  };
}

function checker(verdicts: Record<string, Verdict>) {
  const asked: string[] = [];
  const check = async (url: string) => {
    asked.push(url);
    return { verdict: verdicts[url] ?? 'dead' };
  };
  return { asked, check };
}

describe('suggestMarkdownFixes', () => {
  it('suggests the corrected URL of escaped and split bare URLs when it is alive', async () => {
    const findings = [
      finding('escaped_bare_url', 'https://huggingface.co/datasets/medalpaca/medical%5C_meadow_wikidoc', 'https://huggingface.co/datasets/medalpaca/medical_meadow_wikidoc'),
      finding('split_bare_url', 'https://github.com/SCIR-HI/', 'https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese'),
      finding('escaped_bare_url', 'https://example.org/a%5C_b', 'https://example.org/a_b'),
      finding('escaped_bare_url', 'http://www.example.org/x%5C_y', 'www.example.org/x_y'),
      finding('split_bare_url', 'https://example.org/moved/', 'https://example.org/moved/page'),
    ];
    const { asked, check } = checker({
      'https://huggingface.co/datasets/medalpaca/medical_meadow_wikidoc': 'alive',
      'https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese': 'redirected',
      'https://example.org/a_b': 'dead',
      'http://www.example.org/x_y': 'alive',
      'https://example.org/moved/page': 'rate_limited',
    });
    const suggestions = await suggestMarkdownFixes(findings, check);
    expect(suggestions.map(({ brokenUrl, suggestion }) => [brokenUrl, suggestion])).toEqual([
      ['https://huggingface.co/datasets/medalpaca/medical%5C_meadow_wikidoc', { url: 'https://huggingface.co/datasets/medalpaca/medical_meadow_wikidoc', kind: 'markdown_fix' }],
      ['https://github.com/SCIR-HI/', { url: 'https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese', kind: 'markdown_fix' }],
      ['http://www.example.org/x%5C_y', { url: 'http://www.example.org/x_y', kind: 'markdown_fix' }],
    ]);
    expect(suggestions[0]?.finding).toBe(findings[0]);
    expect(asked).toHaveLength(5);
  });

  it('checks each corrected URL once, however often it is written', async () => {
    const findings = [1, 2, 3].map(() => finding('escaped_bare_url', 'https://example.org/a%5C_b', 'https://example.org/a_b'));
    const { asked, check } = checker({ 'https://example.org/a_b': 'alive' });
    const suggestions = await suggestMarkdownFixes(findings, check);
    expect(asked).toEqual(['https://example.org/a_b']);
    expect(suggestions).toHaveLength(3);
  });

  it.each([
    ['another lint code', finding('insecure_http', 'http://example.org/', 'https://example.org/')],
    ['a finding without a fix', finding('escaped_bare_url', 'https://example.org/a%5C_b', undefined)],
    ['a finding without a link', finding('split_bare_url', undefined, 'https://example.org/a')],
    ['a replacement that is not a URL', finding('escaped_bare_url', 'https://example.org/a%5C_b', 'not a url')],
    ['a replacement equal to the broken URL', finding('escaped_bare_url', 'https://example.org/', 'https://example.org/')],
  ])('checks nothing for %s', async (_case, f) => {
    const { asked, check } = checker({});
    expect(await suggestMarkdownFixes([f], check)).toEqual([]);
    expect(asked).toEqual([]);
  });
});
