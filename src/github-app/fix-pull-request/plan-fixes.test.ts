import { describe, expect, it } from 'vitest';
import { extractMarkdown } from '../../catalog/extract-markdown.js';
import type { Suggestion } from '../../check/check-result.js';
import type { LinkReport, RunReport } from '../../report/run-report.js';
import type { RepoConfig } from '../../config/repo-config.js';
import { applyFixes } from './apply-fixes.js';
import { pairKey, planFixes } from './plan-fixes.js';

const TEXT = [
  '- [Moved](https://a.test/old) and [again][m]',
  '- [Repo](https://github.com/o/old)',
  '- [Gone](https://gone.test/page)',
  '- [Deep](https://deep.test/some/page)',
  '- [Walled](https://wall.test/doc)',
  '- [Plain](http://plain.test/doc)',
  '- [Down](http://down.test/doc)',
  '- [Odd](http://odd.test/some/page)',
  '',
  '[m]: https://a.test/old',
  '',
].join('\n');

const ALL_ON: RepoConfig['fixes'] = { enabled: true, redirects: true, renames: true, markdown: true, archive: true, https: true };

function report(overrides: Record<string, Partial<LinkReport>>): RunReport {
  const extraction = extractMarkdown(TEXT, 'README.md');
  const urls = [...new Set(extraction.occurrences.map((o) => o.url))];
  const links = urls.map((url): LinkReport => ({
    url, verdict: 'alive', reason: 'ok', detail: '', redirects: [], elapsedMs: 0, checkedBy: 'http',
    occurrences: extraction.occurrences.filter((o) => o.url === url).map((o) => ({ file: o.file, line: o.line, column: o.column, kind: o.kind, span: o.span, ...(o.entry && { entry: o.entry }) })),
    ...overrides[url],
  }));
  return { links, findings: [] } as unknown as RunReport;
}
const redirected = (url: string, kind: Suggestion['kind']): Partial<LinkReport> => ({ verdict: 'redirected', suggestion: { url, kind } });
const SUGGESTIONS = {
  'https://a.test/old': redirected('https://a.test/new', 'permanent_redirect'),
  'https://github.com/o/old': redirected('https://github.com/o/new', 'repo_rename'),
  'https://gone.test/page': { verdict: 'dead', reason: 'http_404', history: { consecutiveFailures: 3, confirmedDead: true }, suggestion: { url: 'https://web.archive.org/web/2025/https://gone.test/page', kind: 'archive' } },
  // Defence in depth: even if a chain to a front page or a sign-in page were reported as a redirect.
  'https://deep.test/some/page': redirected('https://deep.test/', 'permanent_redirect'),
  'https://wall.test/doc': redirected('https://wall.test/login?next=/doc', 'permanent_redirect'),
  'http://plain.test/doc': { suggestion: { url: 'https://plain.test/doc', kind: 'https_upgrade' } },
  // Refused on port 80, the same address answered over https: the fix does not wait for history.
  'http://down.test/doc': { verdict: 'network_error', reason: 'connection_refused', suggestion: { url: 'https://down.test/doc', kind: 'https_upgrade' } },
  'http://odd.test/some/page': { suggestion: { url: 'https://odd.test/', kind: 'https_upgrade' } },
} satisfies Record<string, Partial<LinkReport>>;

const plan = (fixes: Partial<RepoConfig['fixes']> = {}, extra: { rejected?: string[]; ignored?: string[]; overrides?: Record<string, Partial<LinkReport>> } = {}) =>
  planFixes({
    report: report({ ...SUGGESTIONS, ...extra.overrides }),
    fixes: { ...ALL_ON, ...fixes },
    rejected: new Set(extra.rejected ?? []),
    ignoredUrls: new Set(extra.ignored ?? []),
  }).map((fix) => `${fix.kind} ${fix.from} → ${fix.to}`);

describe('planFixes', () => {
  it.each<{ name: string; fixes?: Partial<RepoConfig['fixes']>; extra?: Parameters<typeof plan>[1]; expected: string[] }>([
    {
      name: 'every safe kind, the reference definition once, no front or sign-in page (not even over https)',
      expected: [
        'permanent_redirect https://a.test/old → https://a.test/new',
        'repo_rename https://github.com/o/old → https://github.com/o/new',
        'archive https://gone.test/page → https://web.archive.org/web/2025/https://gone.test/page',
        'https_upgrade http://plain.test/doc → https://plain.test/doc',
        'https_upgrade http://down.test/doc → https://down.test/doc',
        'permanent_redirect https://a.test/old → https://a.test/new',
      ],
    },
    { name: 'redirects and https off', fixes: { redirects: false, https: false }, expected: ['repo_rename https://github.com/o/old → https://github.com/o/new', 'archive https://gone.test/page → https://web.archive.org/web/2025/https://gone.test/page'] },
    { name: 'renames, archive and https off', fixes: { renames: false, archive: false, https: false }, expected: ['permanent_redirect https://a.test/old → https://a.test/new', 'permanent_redirect https://a.test/old → https://a.test/new'] },
    {
      name: 'only https upgrades, whatever the http verdict',
      fixes: { redirects: false, renames: false, archive: false },
      expected: ['https_upgrade http://plain.test/doc → https://plain.test/doc', 'https_upgrade http://down.test/doc → https://down.test/doc'],
    },
    {
      name: 'a rejected pair',
      fixes: { https: false },
      extra: { rejected: [pairKey('https://a.test/old', 'https://a.test/new')] },
      expected: ['repo_rename https://github.com/o/old → https://github.com/o/new', 'archive https://gone.test/page → https://web.archive.org/web/2025/https://gone.test/page'],
    },
    {
      name: 'a rejected https upgrade',
      fixes: { redirects: false, renames: false, archive: false },
      extra: { rejected: [pairKey('http://plain.test/doc', 'https://plain.test/doc')] },
      expected: ['https_upgrade http://down.test/doc → https://down.test/doc'],
    },
    { name: 'an ignored dead link keeps its URL', fixes: { redirects: false, renames: false, https: false }, extra: { ignored: ['https://gone.test/page'] }, expected: [] },
    {
      name: 'a dead link not yet confirmed keeps its URL',
      fixes: { redirects: false, renames: false, https: false },
      extra: { overrides: { 'https://gone.test/page': { ...SUGGESTIONS['https://gone.test/page'], history: { consecutiveFailures: 1, confirmedDead: false } } } },
      expected: [],
    },
  ])('$name', ({ fixes, extra, expected }) => {
    expect(plan(fixes, extra)).toEqual(expected);
  });
});

describe('applyFixes', () => {
  const fixes = planFixes({ report: report(SUGGESTIONS), fixes: ALL_ON, rejected: new Set(), ignoredUrls: new Set() });

  it('rewrites every span from the end backwards, leaving all other characters alone', () => {
    const { text, applied, dropped } = applyFixes(TEXT, 'README.md', fixes);
    expect(dropped).toEqual([]);
    expect(applied).toHaveLength(6);
    expect(text).toBe(
      TEXT.replace('(https://a.test/old)', '(https://a.test/new)')
        .replace('(http://plain.test/doc)', '(https://plain.test/doc)')
        .replace('(http://down.test/doc)', '(https://down.test/doc)')
        .replace('[m]: https://a.test/old', '[m]: https://a.test/new')
        .replace('github.com/o/old', 'github.com/o/new')
        .replace('(https://gone.test/page)', '(https://web.archive.org/web/2025/https://gone.test/page)'),
    );
  });

  it('drops a fix whose result would not parse back to the intended link, keeping the others', () => {
    const source = 'see https://bare.test/x and [y](https://y.test/old)\n';
    const spans = extractMarkdown(source, 'a.md').occurrences;
    const bare = { file: 'a.md', line: 1, span: spans[0]!.span, from: spans[0]!.url, to: 'https://bare.test/z)', replacement: 'https://bare.test/z)', kind: 'permanent_redirect' as const, reason: '' };
    const inline = { ...bare, span: spans[1]!.span, from: spans[1]!.url, to: 'https://y.test/new', replacement: 'https://y.test/new' };
    const result = applyFixes(source, 'a.md', [bare, inline]);
    expect(result.applied).toEqual([inline]);
    expect(result.dropped).toEqual([bare]);
    expect(result.text).toBe('see https://bare.test/x and [y](https://y.test/new)\n');
  });
});
