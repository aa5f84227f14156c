import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/check/verdict.js';
import { MAX_MARKDOWN_ROWS, renderCheckMarkdown } from '../../src/report/render-check-markdown.js';
import type { LinkReport, RunReport } from '../../src/report/run-report.js';
import { cmarkGfmAvailable } from '../support/cmark-oracle.js';

function link(url: string, verdict: Verdict, extra: Partial<LinkReport> = {}): LinkReport {
  return {
    url, verdict, reason: `${verdict}_reason`, detail: `${verdict} detail`, redirects: [], elapsedMs: 5, checkedBy: 'http',
    occurrences: [{ file: 'README.md', line: 7, column: 3, entry: 'Entry', section: 'Datasets', kind: 'bare', span: { start: 0, end: 1 } }],
    ...extra,
  };
}

function report(links: LinkReport[], extra: Partial<RunReport> = {}): RunReport {
  const summary = { total: links.length } as RunReport['summary'];
  for (const verdict of ['alive', 'redirected', 'dead', 'restricted', 'blocked', 'rate_limited', 'server_error', 'timeout', 'network_error', 'tls_error', 'malformed', 'skipped'] as Verdict[]) {
    summary[verdict] = links.filter((candidate) => candidate.verdict === verdict).length;
  }
  return {
    schemaVersion: 1, catalog: 'local:README.md', conclusive: true, startedAt: '2026-11-26T03:00:00.000Z', finishedAt: '2026-11-26T03:00:42.000Z',
    summary, links, findings: [], stats: { elapsedMs: 42_000, httpRequests: 1, graphqlRequests: 0, githubRestRequests: 0, hubRequests: 0, waybackRequests: 0, waybackRemembered: 0, probeUrls: 0 },
    ...extra,
  };
}

/** GitHub's renderer's view of the table: the text of each body row's cells. */
function renderedRows(markdown: string): string[][] {
  const html = execFileSync('cmark-gfm', ['-e', 'table', '-e', 'autolink', '-e', 'tagfilter', '--unsafe'], { input: markdown, encoding: 'utf8' });
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map(([, cell]) => cell!));
}

describe('renderCheckMarkdown', () => {
  const links = [
    link('https://ok.example/', 'alive'),
    link('https://moved.example/a', 'redirected', { suggestion: { url: 'https://moved.example/b', kind: 'permanent_redirect' } }),
    link('https://gone.example/x|y z', 'dead', {
      occurrences: [{ file: 'README.md', line: 12, column: 3, entry: 'A | B', section: 'Papers', kind: 'bare', span: { start: 0, end: 1 } }],
      history: { consecutiveFailures: 3, confirmedDead: true },
      suggestion: { url: 'https://web.archive.org/web/2025/https://gone.example/', kind: 'archive' },
    }),
    link('https://login.example/', 'restricted'),
    link('mailto:x@example.org', 'skipped'),
  ];
  const markdown = renderCheckMarkdown(report(links));

  it('starts with a summary a maintainer can paste above the table', () => {
    expect(markdown).toMatch(/^### linkmedic: 5 links, 1 dead\n\nChecked 2026-11-26 03:00 UTC in 42\.0 s: 1 alive · 1 redirected · 1 dead · 1 restricted · 1 skipped\.\n/);
  });

  it.runIf(cmarkGfmAvailable())('renders as one table of the problems only, dead first, five cells a row, pipes kept inside their cell', () => {
    const rows = renderedRows(markdown);
    expect(rows.map((row) => row.length)).toEqual([5, 5, 5]);
    expect(rows.map((row) => row[2])).toEqual(['<strong>dead</strong> (confirmed)', '<strong>restricted</strong>', '<strong>redirected</strong>']);
    const [dead] = rows;
    expect(dead![0]).toBe('A | B<br><sub>README.md:12 · Papers</sub>');
    expect(dead![1]).toBe('<a href="https://gone.example/x%7Cy%20z">gone.example/x|y z</a>');
    expect(dead![3]).toBe('<code>dead_reason</code> dead detail');
    expect(dead![4]).toBe('archived copy <a href="https://web.archive.org/web/2025/https://gone.example/">web.archive.org/web/2025/https://gone.example/</a>');
  });

  it('lists alive plain http links whose https form gives the same page last, with that form', () => {
    const upgrade = { suggestion: { url: 'https://plain.example/a', kind: 'https_upgrade' as const } };
    const rows = renderCheckMarkdown(report([link('http://plain.example/a', 'alive', upgrade), link('https://gone.example/', 'dead'), link('http://other.example/', 'alive')]))
      .split('\n')
      .filter((line) => line.includes('<sub>'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('**dead**');
    expect(rows[1]).toContain('**alive**');
    expect(rows[1]).toMatch(/\| over https \[plain\.example\/a\]\(<https:\/\/plain\.example\/a>\) \|$/);
  });

  it.each([
    { name: 'no problems', input: report([link('https://ok.example/', 'alive')]), expected: /No problems found\.\n$/ },
    { name: 'an inconclusive run says so before anything else is judged', input: report([], { conclusive: false, inconclusiveReason: 'linkmedic seems to be offline' }), expected: /> \[!WARNING\]\n> Inconclusive: linkmedic seems to be offline\. No link was judged dead/ },
    {
      name: 'a long list is cut with a count, to fit an issue',
      input: report(Array.from({ length: MAX_MARKDOWN_ROWS + 7 }, (_, index) => link(`https://gone.example/${index}`, 'dead'))),
      expected: new RegExp(`…and 7 more; see \`linkmedic check --format json\`\\.`),
    },
  ])('$name', ({ input, expected }) => {
    expect(renderCheckMarkdown(input)).toMatch(expected);
  });
});
