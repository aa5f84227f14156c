import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/check/verdict.js';
import { renderCheckText } from '../../src/report/render-check-text.js';
import type { LinkReport, RunReport } from '../../src/report/run-report.js';

function link(url: string, verdict: Verdict, extra: Partial<LinkReport> = {}): LinkReport {
  return {
    url, verdict, reason: `${verdict}_reason`, detail: `${verdict} detail`, redirects: [], elapsedMs: 5, checkedBy: 'http',
    occurrences: [{ file: 'README.md', line: 7, column: 3, entry: 'Entry', kind: 'bare', span: { start: 0, end: 1 } }],
    ...extra,
  };
}

function report(links: LinkReport[]): RunReport {
  const summary = { total: links.length } as RunReport['summary'];
  for (const item of links) summary[item.verdict] = (summary[item.verdict] ?? 0) + 1;
  return {
    schemaVersion: 1, catalog: 'local:README.md', conclusive: true, startedAt: '2026-11-26T03:00:00.000Z', finishedAt: '2026-11-26T03:00:42.000Z',
    summary, links, findings: [], stats: { elapsedMs: 42_000, httpRequests: 1, graphqlRequests: 0, githubRestRequests: 0, hubRequests: 0, waybackRequests: 0, waybackRemembered: 0, probeUrls: 2 },
  };
}

const upgrade = (url: string) => ({ suggestion: { url, kind: 'https_upgrade' as const } });

describe('renderCheckText', () => {
  it.each<{ name: string; links: LinkReport[]; expected: string[] }>([
    {
      name: 'alive plain http links with a working https form come last, in their own group',
      links: [link('http://plain.example/a', 'alive', upgrade('https://plain.example/a')), link('http://other.example/', 'alive'), link('https://gone.example/', 'dead')],
      expected: ['Dead (1):', 'Plain http, the same page answers over https (1):', '    suggestion (https_upgrade): https://plain.example/a'],
    },
    {
      name: 'a dead or redirected http link keeps its group, with the https form as its suggestion',
      links: [link('http://down.example/a', 'dead', upgrade('https://down.example/a')), link('http://up.example/a', 'redirected', upgrade('https://up.example/a'))],
      expected: ['Dead (1):', '    suggestion (https_upgrade): https://down.example/a', 'Moved (a fix is proposed) (1):', '    suggestion (https_upgrade): https://up.example/a'],
    },
  ])('$name', ({ links, expected }) => {
    const lines = renderCheckText(report(links)).split('\n');
    const found = expected.map((line) => lines.indexOf(line));
    expect(found.every((index) => index >= 0), lines.join('\n')).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
    expect(lines.some((line) => line.includes('other.example'))).toBe(false);
  });
});
