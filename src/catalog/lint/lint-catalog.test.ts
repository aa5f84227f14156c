import { describe, expect, it } from 'vitest';
import { extractMarkdown } from '../extract-markdown.js';
import type { LintCode } from '../lint-finding.js';

const findings = (markdown: string, code?: LintCode) =>
  extractMarkdown(markdown, 'doc.md').findings.filter((finding) => code === undefined || finding.code === code);

/** Applies a finding's fix to the source, as the fix pull request will. */
const applyFix = (markdown: string, code: LintCode): string => {
  const [finding] = findings(markdown, code);
  expect(finding?.fix).toBeDefined();
  const { span, replacement } = finding!.fix!;
  return markdown.slice(0, span.start) + replacement + markdown.slice(span.end);
};

describe('lint findings', () => {
  it.each<{ code: LintCode; md: string; line: number; message: RegExp }>([
    { code: 'escaped_bare_url', md: 'x\n| https://hf.example/d/a\\_b |', line: 2, message: /%5C_b.*write https:\/\/hf\.example\/d\/a_b/ },
    { code: 'split_bare_url', md: '| https://github.com/Owner/ Repo-Name | x |', line: 1, message: /github\.com\/Owner\/Repo-Name/ },
    { code: 'split_bare_url', md: 'see https://a.example/docs /guide.html', line: 1, message: /a\.example\/docs\/guide\.html/ },
    { code: 'link_syntax_space', md: 'the [graph] (https://g.example/kg) data', line: 1, message: /breaks the link/ },
    { code: 'table_cell_count', md: '| a | b |\n|---|---|\n| x | y | https://lost.example |', line: 3, message: /3 cells.*header has 2.*hiding https:\/\/lost\.example/ },
    { code: 'table_cell_count', md: '| a | b | c |\n|---|---|---|\n| x |', line: 3, message: /1 cells.*pads/ },
    {
      code: 'table_row_misaligned',
      md: '| Name | Type | Link |\n|---|---|---|\n| A | t | https://a.example |\n| B | t | https://b.example |\n| C | t | |\n| cut | https://c.example | |',
      line: 6,
      message: /"cut" has its link under "Type".*nothing under "Link"/,
    },
    {
      code: 'duplicate_url',
      md: '- Paper A [x](https://arxiv.org/abs/1)\n- Paper B [x](https://arxiv.org/abs/1/)',
      line: 2,
      message: /listed for "Paper B" and also for "Paper A" \(line 1\)/,
    },
    {
      code: 'repo_case_mismatch',
      md: '- A https://github.com/Org/Repo\n- B https://github.com/Org/Repo/tree/main\n- C https://github.com/org/repo',
      line: 3,
      message: /spells the repository differently from Org\/Repo/,
    },
    { code: 'insecure_http', md: 'see http://plain.example/x', line: 1, message: /plain http:\/\// },
    { code: 'malformed_url', md: '[x](https://bad_host!.example/)', line: 1, message: /invalid host/ },
    { code: 'malformed_url', md: '[x](<https://a.example/with space>)', line: 1, message: /whitespace/ },
    { code: 'malformed_url', md: '[x](https://)', line: 1, message: /cannot be parsed|no host/ },
    { code: 'unused_definition', md: 'text\n\n[spare]: https://unused.example', line: 3, message: /\[spare\].*not used/ },
  ])('$code: $md', ({ code, md, line, message }) => {
    const found = findings(md, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code, line, file: 'doc.md' });
    expect(found[0]!.message).toMatch(message);
  });

  it.each<{ name: string; code: LintCode; md: string }>([
    { name: 'escapes outside a bare URL', code: 'escaped_bare_url', md: '[x](https://a.example/a\\_b) and \\_text\\_' },
    { name: 'a sentence after a URL', code: 'split_bare_url', md: 'see https://a.example/ for details' },
    { name: 'a word after a URL not ending in /', code: 'split_bare_url', md: '| https://a.example/x more-words |' },
    { name: 'the same URL twice for one entry', code: 'duplicate_url', md: '- A [x](https://d.example) [y](https://d.example)' },
    { name: 'the same URL in two sections', code: 'duplicate_url', md: '# Data\n- A [x](https://d.example)\n# Models\n- A model [x](https://d.example)' },
    { name: 'repeated badges', code: 'duplicate_url', md: '- A ![b](https://badge.example)\n- B ![b](https://badge.example)' },
    { name: 'consistent repository case', code: 'repo_case_mismatch', md: '- https://github.com/Org/Repo\n- https://github.com/Org/Repo/issues' },
    { name: 'https links', code: 'insecure_http', md: 'https://ok.example' },
    { name: 'relative links', code: 'malformed_url', md: '[x](./docs/guide.md) [y](#anchor) [z](mailto:a@b.example)' },
    { name: 'a regular table', code: 'table_row_misaligned', md: '| N | L |\n|---|---|\n| a | https://a.example |\n| b | https://b.example |\n| c | |' },
  ])('no $code for $name', ({ code, md }) => {
    expect(findings(md, code)).toEqual([]);
  });

  it.each<{ code: LintCode; md: string; href: string }>([
    { code: 'escaped_bare_url', md: '| https://hf.example/d/a\\_b\\_c | x |', href: 'https://hf.example/d/a_b_c' },
    { code: 'split_bare_url', md: '| https://github.com/SCIR-HI/ Huatuo-Llama-Med-Chinese     | x |', href: 'https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese' },
    { code: 'link_syntax_space', md: 'the [graph] (https://g.example/kg) data', href: 'https://g.example/kg' },
  ])('fixing $code yields a document whose link is $href', ({ code, md, href }) => {
    const fixed = applyFix(md, code);
    expect(extractMarkdown(fixed, 'doc.md').occurrences.map((occurrence) => occurrence.url)).toEqual([href]);
    expect(findings(fixed, code)).toEqual([]);
  });
});

describe('repo_case_mismatch reads repository hosts however the URL spells them', () => {
  it.each([
    { name: 'an upper-case host', url: 'https://GITHUB.COM/org/repo' },
    { name: 'a percent-escaped host', url: 'https://git%68ub.com/org/repo' },
    { name: 'a full-width host', url: 'https://ｇｉｔｈｕｂ.com/org/repo' },
    { name: 'a tab inside an HTML attribute', url: 'https://git&#9;hub.com/org/repo', html: true },
    { name: 'the short Hugging Face host', url: 'https://HF.co/datasets/org/repo', hub: true },
  ])('$name', ({ url, html, hub }) => {
    const canonical = hub ? 'https://huggingface.co/datasets/Org/Repo' : 'https://github.com/Org/Repo';
    const link = html ? `<a href="${url}">x</a>` : `[x](${url})`;
    const md = `- A ${canonical}\n- B ${canonical}/tree/main\n- C ${link}`;
    expect(findings(md, 'repo_case_mismatch')).toMatchObject([{ line: 3 }]);
  });
});
