import { expect } from 'vitest';
import { parseIssueMarkers } from '../../../src/github-app/dead-link-issues/issue-markers.js';
import type { FakeGitHub } from '../../support/fake-github/index.js';
import { BOT } from './app-harness.js';

/** Text with what differs between two harnesses (ports, shas, numbers GitHub hands out) masked. */
export function normalize(text: string | null): string {
  return (text ?? '')
    .replace(/:\d{4,5}\b/g, ':PORT')
    .replace(/\b[0-9a-f]{40}\b/g, 'SHA')
    .replace(/\b[0-9a-f]{7}\b/g, 'SHORTSHA')
    .replace(/data=[A-Za-z0-9_-]+/g, 'data=…')
    .replace(/#\d+/g, '#N')
    .replace(/\brun[= ]\d+/g, 'run N')
    .replace(/opened-run=\d+/g, 'opened-run=N')
    .replace(/(key|fingerprint|recheck|ignore|unignore)=[0-9a-f]{16,}/g, '$1=…');
}

/** Everything a maintainer sees in a repository, keyed by identity rather than by number. */
export function finalState(fake: FakeGitHub, fullName: string) {
  const items = fake.inspect.issues(fullName, { includePulls: true }).map((issue) => ({
    kind: issue.isPull ? 'pull' : 'issue',
    title: normalize(issue.title),
    author: issue.author,
    state: issue.state,
    closedBy: issue.closedBy,
    labels: issue.labels,
    body: normalize(issue.body),
    comments: issue.comments.map((comment) => ({ author: comment.author, body: normalize(comment.body) })),
  }));
  const open = fake.inspect.pulls(fullName).filter((pull) => pull.state === 'open' && pull.headRef === 'linkmedic/fix-links');
  const fixDiff = open.map((pull) => {
    const base = fake.inspect.files(fullName)!;
    const head = fake.inspect.files(fullName, pull.headRef)!;
    return Object.fromEntries(Object.keys({ ...base, ...head }).filter((path) => base[path] !== head[path]).map((path) => [path, normalize(head[path] ?? null)]));
  });
  return { items: items.sort((a, b) => `${a.kind}${a.title}`.localeCompare(`${b.kind}${b.title}`)), fixDiff };
}

/**
 * The properties no run may break, whatever happened on the way: one report, one issue per
 * URL, nothing reopened after a human closed it, at most one open fix pull request, no comment
 * said twice.
 */
export function expectInvariants(fake: FakeGitHub, fullName: string): void {
  const issues = fake.inspect.issues(fullName, { includePulls: true });
  const reports = issues.filter((issue) => issue.author === BOT && issue.body?.includes('<!-- linkmedic:report -->'));
  expect(reports.length, `${fullName}: report issues`).toBeLessThanOrEqual(1);
  const byKey = new Map<string, number>();
  for (const issue of issues) {
    const key = parseIssueMarkers(issue.body)?.key;
    if (key && issue.author === BOT) byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  expect([...byKey.values()].filter((count) => count > 1), `${fullName}: URLs with more than one issue`).toEqual([]);
  for (const issue of issues) {
    const humanClose = issue.events.findIndex((event) => event.event === 'closed' && event.actor !== BOT);
    if (humanClose >= 0) expect(issue.events.slice(humanClose).filter((event) => event.event === 'reopened'), `#${issue.number} reopened`).toEqual([]);
    const mine = issue.comments.filter((comment) => comment.author === BOT).map((comment) => comment.body);
    expect(new Set(mine).size, `#${issue.number}: duplicate comments`).toBe(mine.length);
  }
  const openFixPulls = fake.inspect.pulls(fullName).filter((pull) => pull.state === 'open' && pull.headRef === 'linkmedic/fix-links');
  expect(openFixPulls.length, `${fullName}: open fix pull requests`).toBeLessThanOrEqual(1);
}
