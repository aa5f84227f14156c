import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, it } from 'vitest';
import { VERDICT_NAMES, type Verdict } from '../../src/check/verdict.js';
import type { HistoryLink, HistoryReport } from '../../src/report/history-report.js';
import { renderHistoryHtml } from '../../src/report/render-history-html.js';

const counts = (partial: Partial<Record<Verdict, number>>) =>
  Object.fromEntries(VERDICT_NAMES.map((verdict) => [verdict, partial[verdict] ?? 0])) as Record<Verdict, number>;

function problem(url: string, entry: string): HistoryLink {
  return {
    url, verdict: 'dead', reason: 'http_404', detail: 'gone', places: [{ file: 'README.md', line: 3, entry }],
    history: { consecutiveFailures: 1, confirmedDead: false }, timeline: [{ runId: 1, startedAt: '2026-11-01T03:00:00.000Z', verdict: 'dead', reason: 'http_404' }],
  };
}

/** A one-run history whose catalog was written by someone hostile. */
const hostile: HistoryReport = {
  schemaVersion: 1, catalog: 'local:<b>x</b>.md', generatedAt: '2026-11-01T04:00:00.000Z', since: '2026-10-02T04:00:00.000Z',
  latestRun: { id: 1, startedAt: '2026-11-01T03:00:00.000Z', finishedAt: '2026-11-01T03:01:00.000Z', conclusive: true, urlCount: 2 },
  runCount: 1, summary: { total: 2, ...counts({ dead: 2 }) },
  availability: [{ runId: 1, startedAt: '2026-11-01T03:00:00.000Z', conclusive: true, total: 2, counts: counts({ dead: 2 }) }],
  links: [problem('javascript:alert(1)', '<script>alert(1)</script>'), problem('https://ok.example/"><img src=x onerror=alert(1)>', 'Quote')],
  newlyDead: [], recovered: [], sections: [],
};

describe('renderHistoryHtml', () => {
  const page = renderHistoryHtml(hostile);

  it.each([
    { name: 'no script element, whatever the catalog says', absent: /<script/i },
    { name: 'no javascript: link', absent: /href="javascript:/i },
    { name: 'no attribute broken out of', absent: /<img src=x/i },
  ])('$name', ({ absent }) => {
    expect(page).not.toMatch(absent);
  });

  it('has nothing to fetch: no element with a src, no stylesheet link, no url() outside the page', () => {
    const elements: DefaultTreeAdapterTypes.Element[] = [];
    const walk = (node: DefaultTreeAdapterTypes.ParentNode) => {
      for (const child of node.childNodes) {
        if ('tagName' in child) elements.push(child);
        if ('childNodes' in child) walk(child);
        if ('content' in child) walk(child.content);
      }
    };
    walk(parse(page));
    expect(elements.length).toBeGreaterThan(100);
    expect(elements.filter((element) => element.tagName === 'link' || element.attrs.some((attr) => ['src', 'srcset', 'data', 'poster'].includes(attr.name))).map((element) => element.tagName)).toEqual([]);
    expect(page.match(/url\([^)]*\)|@import/g)).toEqual(['url(#offline-hatch)']);
  });

  it('shows hostile text as text, and a harmless URL as a link', () => {
    expect(page).toContain('<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>');
    expect(page).toContain('<span>javascript:alert(1)</span>');
    expect(page).toContain('<a href="https://ok.example/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" rel="noreferrer">');
    expect(page).toContain('<span class="catalog">local:&lt;b&gt;x&lt;/b&gt;.md</span>');
  });

  it('says an offline latest run judged nothing, instead of calling every link fine', () => {
    const offline = renderHistoryHtml({
      ...hostile, links: [], summary: { total: 2, ...counts({ skipped: 2 }) },
      latestRun: { ...hostile.latestRun, conclusive: false },
      availability: [{ ...hostile.availability[0]!, conclusive: false, counts: counts({ skipped: 2 }) }],
    });
    expect(offline).toContain('<p class="banner">The latest run was inconclusive');
    expect(offline).toContain('<p class="none">The latest run judged no link.</p>');
    expect(offline).not.toContain('Every checked link answers');
    expect(offline.match(/<rect class="offline"/g)).toHaveLength(1);
    expect(offline).not.toContain('<circle class="point"');
  });

  it("forbids every fetch in its content security policy", () => {
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });
});
