import { describe, expect, it } from 'vitest';
import { extractMarkdown } from '../../catalog/extract-markdown.js';
import type { CheckResult } from '../../check/check-result.js';
import type { Verdict } from '../../check/verdict.js';
import { renderCheckOutput } from './render-check-output.js';

function output(verdicts: Verdict[], offline?: string) {
  const text = verdicts.map((_, i) => `- [L${i}](https://x.test/${i})`).join('\n');
  const occurrences = extractMarkdown(text, 'README.md').occurrences;
  const byUrl = new Map(occurrences.map((o) => [o.url, [o]]));
  const results = new Map(occurrences.map((o, i): [string, CheckResult] => [o.url, { url: o.url, verdict: verdicts[i]!, reason: 'r', detail: 'd'.repeat(150), redirects: [], elapsedMs: 0 }]));
  return renderCheckOutput(byUrl, results, [], offline);
}

describe('renderCheckOutput', () => {
  it.each<{ verdicts: Verdict[]; offline?: string; conclusion: string; levels: string[] }>([
    { verdicts: ['alive', 'skipped'], conclusion: 'success', levels: [] },
    { verdicts: ['alive', 'redirected'], conclusion: 'success', levels: ['notice'] },
    { verdicts: ['restricted', 'blocked'], conclusion: 'neutral', levels: ['warning', 'warning'] },
    { verdicts: ['timeout', 'server_error'], conclusion: 'neutral', levels: ['warning', 'warning'] },
    { verdicts: ['blocked', 'dead', 'malformed'], conclusion: 'failure', levels: ['warning', 'failure', 'failure'] },
    { verdicts: ['skipped'], offline: 'no network', conclusion: 'neutral', levels: [] },
  ])('$verdicts (offline: $offline) → $conclusion', ({ verdicts, offline, conclusion, levels }) => {
    const result = output(verdicts, offline);
    expect(result.conclusion).toBe(conclusion);
    expect(result.annotations.map((a) => a.annotation_level)).toEqual(levels);
  });

  it('keeps the summary under the checks API limit however many links fail', () => {
    const result = output(Array.from({ length: 1000 }, () => 'dead'));
    expect(result.summary.length).toBeLessThan(65_535);
    expect(result.summary).toMatch(/\| … and \d+ more \|/);
    expect(result.annotations).toHaveLength(1000);
  });
});
