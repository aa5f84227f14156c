import { describe, expect, it } from 'vitest';
import type { LinkReport } from '../../report/run-report.js';
import type { KnownIssue } from './known-issue.js';
import { planDeadLinkIssues, type ClosedStanding, type IssuePlanInput } from './plan-dead-link-issues.js';
import { urlKey } from './url-key.js';

const link = (url: string, verdict: LinkReport['verdict'], confirmedDead = false, reason = 'http_404'): LinkReport => ({
  url, verdict, reason, detail: '', redirects: [], occurrences: [], elapsedMs: 0, checkedBy: 'http',
  history: { consecutiveFailures: confirmedDead ? 3 : 0, confirmedDead },
});
let next = 1;
const issue = (url: string, state: 'open' | 'closed', extra: Partial<KnownIssue['markers']> & { body?: string } = {}): KnownIssue => ({
  number: next++, title: 't', body: extra.body ?? 'b', state, createdAt: '', closedAt: state === 'closed' ? '2026-11-02T00:00:00Z' : null, comments: 0, htmlUrl: '',
  markers: { key: urlKey(url), fingerprint: 'same', openedRun: 1, ...extra },
});
const plan = (input: Partial<IssuePlanInput>) =>
  planDeadLinkIssues({
    links: [], conclusive: true, issues: [], closedStanding: new Map(), ignoredByCheckbox: new Set(), runId: 7,
    config: { enabled: true, labels: [], maxNewPerRun: 10 },
    render: () => ({ title: 't', body: 'b', fingerprint: 'same' }),
    ...input,
  });
const kinds = (input: Partial<IssuePlanInput>) => plan(input).actions.map((a) => (a.kind === 'close' ? `close:${a.reason}` : a.kind));

describe('planDeadLinkIssues', () => {
  const open = issue('https://x.test/a', 'open');
  it.each<{ name: string; input: Partial<IssuePlanInput>; expected: string[] }>([
    { name: 'an inconclusive run writes nothing', input: { conclusive: false, links: [link('https://x.test/a', 'skipped'), link('https://x.test/b', 'dead', true)], issues: [open] }, expected: [] },
    { name: 'a confirmed-dead link gets an issue', input: { links: [link('https://x.test/b', 'dead', true)] }, expected: ['open'] },
    { name: 'a failing, unconfirmed link does not', input: { links: [link('https://x.test/b', 'timeout', false)] }, expected: [] },
    { name: 'restricted counts as answering again', input: { links: [link('https://x.test/a', 'restricted')], issues: [open] }, expected: ['close:recovered'] },
    { name: 'an excluded link is closed as such', input: { links: [link('https://x.test/a', 'skipped', false, 'excluded')], issues: [open] }, expected: ['close:excluded'] },
    { name: 'a link gone from the catalog', input: { links: [], issues: [open] }, expected: ['close:removed'] },
    { name: 'ignored from the report', input: { links: [link('https://x.test/a', 'dead', true)], issues: [open], ignoredByCheckbox: new Set(['https://x.test/a']) }, expected: ['close:ignored_in_report'] },
    { name: 'issues turned off', input: { links: [link('https://x.test/a', 'dead', true), link('https://x.test/b', 'dead', true)], issues: [open], config: { enabled: false, labels: [], maxNewPerRun: 10 } }, expected: ['close:issues_disabled'] },
    { name: 'still dead, same content: no write', input: { links: [link('https://x.test/a', 'dead', true)], issues: [open] }, expected: [] },
    { name: 'still dead, content changed', input: { links: [link('https://x.test/a', 'dead', true)], issues: [open], render: () => ({ title: 't', body: 'b', fingerprint: 'new' }) }, expected: ['update'] },
    { name: 'reopened by a human: stale close state is rewritten', input: { links: [link('https://x.test/a', 'dead', true)], issues: [{ ...open, body: 'b\n<!-- linkmedic:closed-by-bot reason=recovered run=3 -->' }] }, expected: ['update'] },
  ])('$name', ({ input, expected }) => {
    expect(kinds(input)).toEqual(expected);
  });

  it.each<{ name: string; standing: ClosedStanding | undefined; expected: string[] }>([
    { name: 'closed by a human, not yet acknowledged', standing: { kind: 'ignored', by: 'maintainer', acknowledged: false }, expected: ['acknowledge'] },
    { name: 'closed by a human, acknowledged', standing: { kind: 'ignored', by: 'maintainer', acknowledged: true }, expected: [] },
    { name: 'closed by linkmedic: a new death opens a new issue', standing: { kind: 'bot_closed' }, expected: ['open'] },
    { name: 'closer unknown: nothing is opened over it', standing: undefined, expected: [] },
  ])('confirmed dead with a closed issue $name', ({ standing, expected }) => {
    const closed = issue('https://x.test/c', 'closed');
    const closedStanding = new Map(standing ? [[closed.number, standing]] : []);
    expect(kinds({ links: [link('https://x.test/c', 'dead', true)], issues: [closed], closedStanding })).toEqual(expected);
  });

  it('caps new issues per run, counting those an earlier attempt of the same run opened', () => {
    const links = ['a', 'b', 'c', 'd'].map((name) => link(`https://y.test/${name}`, 'dead', true));
    const earlier = issue('https://y.test/a', 'open', { openedRun: 7 });
    const result = plan({ links, issues: [earlier], config: { enabled: true, labels: [], maxNewPerRun: 2 } });
    expect(result.actions.map((a) => (a.kind === 'open' ? a.url : a.kind))).toEqual(['https://y.test/b']);
    expect(result.deferred).toEqual(['https://y.test/c', 'https://y.test/d']);
  });

  it('keeps the oldest of duplicate open issues and closes the others pointing to it', () => {
    const [first, second, third] = [issue('https://z.test/a', 'open'), issue('https://z.test/a', 'open'), issue('https://z.test/a', 'open')];
    const actions = plan({ links: [link('https://z.test/a', 'dead', true)], issues: [first!, second!, third!] }).actions;
    expect(actions).toEqual([
      expect.objectContaining({ kind: 'close', reason: 'duplicate', duplicateOf: first!.number, issue: second }),
      expect.objectContaining({ kind: 'close', reason: 'duplicate', duplicateOf: first!.number, issue: third }),
    ]);
  });
});
