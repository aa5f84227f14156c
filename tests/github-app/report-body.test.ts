import { describe, expect, it } from 'vitest';
import { renderProblemsBody, renderReportBody, MAX_REPORT_CHARS } from '../../src/github-app/report-issue/render-report-body.js';
import { closeComment } from '../../src/github-app/dead-link-issues/close-reason.js';
import { newlyTicked, parseTicks, tickId } from '../../src/github-app/report-issue/report-checkboxes.js';
import { meaningfulPart, writtenAt } from '../../src/github-app/report-issue/report-markers.js';
import type { ReportLink, ReportModel } from '../../src/github-app/report-issue/report-model.js';

const AT = new Date('2026-11-05T03:00:10Z');

const link = (n: number, extra: Partial<ReportLink> = {}): ReportLink => ({
  url: `https://site${n}.example/page`,
  key: n.toString(16).padStart(32, '0'),
  entry: `Entry ${n}`,
  places: [{ file: 'README.md', line: n + 1 }],
  verdict: 'dead',
  detail: 'HTTP 404: not found',
  failures: 3,
  firstFailedAt: '2026-11-02T03:00:00.000Z',
  ...extra,
});

const empty = (): ReportModel => ({
  place: { webOrigin: 'https://github.com', owner: 'acme', repo: 'awesome', headSha: 'a'.repeat(40) },
  problems: [],
  confirmedDead: [],
  failing: [],
  needsHuman: [],
  fixes: { items: [], blockedByHuman: false },
  recovered: [],
  ignored: [],
  rejectedFixes: [],
  numbers: { topStars: [], topLikes: [], gainers: [], archived: [] },
  availability: [],
  run: { runId: 7, startedAt: '2026-11-05T03:00:00.000Z', elapsedMs: 4200, links: 40, conclusive: true },
});

const headings = (body: string) => [...body.matchAll(/^### (.+?)(?: \(\d+\))?$/gm)].map((m) => m[1]);

describe('the report body', () => {
  const full = (): ReportModel => ({
    ...empty(),
    problems: ['`docs/big.md` is larger than 10 MB and was not checked'],
    confirmedDead: [link(1, { issue: { number: 12, state: 'open' } })],
    failing: [link(2, { verdict: 'timeout', failures: 1 })],
    needsHuman: [link(3, { verdict: 'blocked', detail: 'Cloudflare challenge' })],
    fixes: {
      items: [{ file: 'README.md', line: 9, span: { start: 0, end: 1 }, from: 'http://a.example/', to: 'https://a.example/', replacement: 'https://a.example/', kind: 'permanent_redirect', reason: 'Permanent redirect (301).' }],
      pullRequest: { number: 14, state: 'open' },
      blockedByHuman: false,
    },
    recovered: [{ url: 'https://back.example/', wasConfirmedDead: true, failedSince: '2026-11-01T03:00:00.000Z' }],
    ignored: [{ url: 'https://ignored.example/', key: 'f'.repeat(32), how: 'checkbox', by: 'maintainer' }],
    numbers: { topStars: [{ name: 'acme/model', url: 'https://github.com/acme/model', value: 130, delta7d: 30 }], topLikes: [], gainers: [], archived: [{ name: 'acme/old', url: 'https://github.com/acme/old' }] },
    availability: [
      { startedAt: '2026-11-04T03:00:00.000Z', percent: 97.5 },
      { startedAt: '2026-11-05T03:00:00.000Z', percent: 92.5 },
    ],
  });

  it('has the sections in the fixed order, then numbers, chart and footer', () => {
    const body = renderReportBody(full(), { writtenAt: AT });
    expect(headings(body)).toEqual([
      '⚠️ Problems',
      'Confirmed dead',
      'Failing, not yet confirmed',
      'Restricted or blocked: needs a human',
      'Proposed fixes',
      'Recovered since the last run',
      'Ignored',
      'Catalog numbers',
      'Availability, last 2 runs',
    ]);
    expect(body.startsWith('<!-- linkmedic:report -->\n')).toBe(true);
    expect(body).toContain('#12');
    expect(body).toContain('pull request #14');
    expect(body).toContain('```mermaid\nxychart-beta');
    expect(body).toContain('line [97.5, 92.5]');
    expect(body).toMatch(/Checked 2026-11-05 03:00 UTC: 40 links in 4 s \(run 7\)/);
    expect(writtenAt(body)).toEqual(AT);
  });

  it.each([
    ['problems', (m: ReportModel) => (m.problems = [])],
    ['confirmed dead', (m: ReportModel) => (m.confirmedDead = [])],
    ['failing', (m: ReportModel) => (m.failing = [])],
    ['needs a human', (m: ReportModel) => (m.needsHuman = [])],
    ['fixes', (m: ReportModel) => (m.fixes.items = [])],
    ['recovered', (m: ReportModel) => (m.recovered = [])],
    ['ignored', (m: ReportModel) => (m.ignored = [])],
  ])('leaves out an empty %s section and keeps the others in order', (_name, clear) => {
    const model = full();
    const before = headings(renderReportBody(model, { writtenAt: AT }));
    clear(model);
    const after = headings(renderReportBody(model, { writtenAt: AT }));
    expect(after).toHaveLength(before.length - 1);
    expect(before.filter((heading) => after.includes(heading))).toEqual(after);
  });

  it('says so when nothing fails, and draws no recheck-all box', () => {
    const body = renderReportBody(empty(), { writtenAt: AT });
    expect(body).toContain('All 40 links of the latest check answered');
    expect(parseTicks(body.replace(/\[ \]/g, '[x]'))).toEqual([]);
  });

  it('stays under 60,000 characters with thousands of failing links, saying how many are not shown', () => {
    const model = { ...empty(), confirmedDead: Array.from({ length: 3000 }, (_, n) => link(n)), failing: Array.from({ length: 3000 }, (_, n) => link(n + 5000, { verdict: 'timeout' })) };
    const body = renderReportBody(model, { writtenAt: AT });
    expect(body.length).toBeLessThanOrEqual(MAX_REPORT_CHARS);
    const shown = (body.match(/<!-- linkmedic:recheck=/g) ?? []).length;
    const hidden = [...body.matchAll(/…and (\d+) more/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(shown).toBeGreaterThan(0);
    expect(shown + hidden).toBe(6000);
    expect(body).toContain('<!-- linkmedic:written=');
  });

  it('never mentions anyone or autolinks catalog URLs', () => {
    const model = { ...empty(), confirmedDead: [link(1, { entry: '@octocat list', url: 'https://github.com/other/repo/issues/3' })] };
    const body = renderReportBody(model, { writtenAt: AT });
    expect(body).not.toMatch(/@octocat/);
    expect(body).toContain('@\u200boctocat');
    expect(body).toContain('`https://github.com/other/repo/issues/3`');
    expect(body).not.toContain('(https://github.com/other/repo/issues/3)');
  });
});

describe('checkboxes', () => {
  const model = { ...empty(), confirmedDead: [link(1)], failing: [link(2, { verdict: 'timeout' })], ignored: [{ url: 'https://i.example/', key: 'e'.repeat(32), how: 'checkbox' as const, by: 'm' }] };

  it('carry hidden keys that survive edits to the visible text', () => {
    const ticked = new Set([tickId({ verb: 'ignore', key: link(1).key }), tickId({ verb: 'unignore', key: 'e'.repeat(32) }), 'recheck-all']);
    const body = renderReportBody(model, { writtenAt: AT, ticked }).replace('ignore this link', 'IGNORE (edited by a human)');
    expect(parseTicks(body)).toEqual([{ verb: 'recheck-all' }, { verb: 'ignore', key: link(1).key }, { verb: 'unignore', key: 'e'.repeat(32) }]);
  });

  it('tells the boxes one edit ticked from those ticked before it, with GitHub CRLF bodies too', () => {
    const before = renderReportBody(model, { writtenAt: AT }).replace(/\n/g, '\r\n');
    const once = before.replace(`[ ] <!-- linkmedic:recheck=${link(2).key}`, `[x] <!-- linkmedic:recheck=${link(2).key}`);
    const twice = once.replace(`[ ] <!-- linkmedic:ignore=${link(1).key}`, `[X] <!-- linkmedic:ignore=${link(1).key}`);
    expect(newlyTicked(before, once)).toEqual([{ verb: 'recheck', key: link(2).key }]);
    expect(newlyTicked(once, twice)).toEqual([{ verb: 'ignore', key: link(1).key }]);
    expect(newlyTicked(twice, twice)).toEqual([]);
  });

  it('are what a dead-link issue closed by an "ignore" tick says to tick to undo it', () => {
    const undo = /tick \*\*(.+?)\*\* next to the link/.exec(closeComment('ignored_in_report', { checkedAt: AT.toISOString(), headSha: 'a'.repeat(40) }))?.[1];
    expect(undo).toBeDefined();
    const line = renderReportBody(model, { writtenAt: AT }).split('\n').find((text) => text.includes(`<!-- linkmedic:unignore=${'e'.repeat(32)} -->`));
    expect(line).toMatch(new RegExp(`^ {2}- \\[ \\] <!-- linkmedic:unignore=e{32} --> ${undo}$`));
  });
});

describe('what counts as a meaningful change', () => {
  it('ignores numbers, chart and footer, but not the lists or their boxes', () => {
    const model = { ...empty(), failing: [link(2, { verdict: 'timeout' })] };
    const a = renderReportBody(model, { writtenAt: AT });
    const b = renderReportBody({ ...model, availability: [{ startedAt: '2026-11-05T03:00:00.000Z', percent: 50 }, { startedAt: '2026-11-06T03:00:00.000Z', percent: 60 }], run: { ...model.run, runId: 8 } }, { writtenAt: new Date(AT.getTime() + 86_400_000) });
    expect(meaningfulPart(a)).toBe(meaningfulPart(b.replace(/\n/g, '\r\n')));
    const ticked = renderReportBody(model, { writtenAt: AT, ticked: new Set([tickId({ verb: 'recheck', key: link(2).key })]) });
    expect(meaningfulPart(ticked)).not.toBe(meaningfulPart(a));
    expect(meaningfulPart(renderReportBody({ ...model, failing: [link(2, { verdict: 'timeout', failures: 2 })] }, { writtenAt: AT }))).not.toBe(meaningfulPart(a));
  });

  it('a problems-only body (invalid configuration) keeps the identity and the write time', () => {
    const body = renderProblemsBody(['.github/linkmedic.yml is invalid: schedule: expected one of nightly|weekly|off'], { writtenAt: AT, lastCheckedAt: '2026-11-01T03:00:00.000Z' });
    expect(body.startsWith('<!-- linkmedic:report -->')).toBe(true);
    expect(headings(body)).toEqual(['⚠️ Problems']);
    expect(body).toContain('The last complete check was on 2026-11-01 03:00 UTC.');
    expect(writtenAt(body)).toEqual(AT);
  });

  it('a problems-only body stays under the limit however long the message (thousands of bad entries)', () => {
    const message = `.github/linkmedic.yml is invalid: ${Array.from({ length: 5000 }, (_, i) => `files.${i}: Invalid input: expected string, received <number>`).join('; ')}`;
    const body = renderProblemsBody([message], { writtenAt: AT });
    expect(body.length).toBeLessThanOrEqual(MAX_REPORT_CHARS);
    expect(body.startsWith('<!-- linkmedic:report -->\n')).toBe(true);
    expect(body).toContain('files.0: Invalid input');
    expect(body).toContain('…(cut to fit)');
    expect(meaningfulPart(body)).not.toBe(body); // the numbers marker survives: no rewrite for a new date alone
    expect(writtenAt(body)).toEqual(AT);
  });
});
