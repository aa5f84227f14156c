import type { RepoConfig } from '../../config/repo-config.js';
import type { LinkReport } from '../../report/run-report.js';
import type { CloseReason } from './close-reason.js';
import { hasCloseState } from './issue-markers.js';
import type { KnownIssue } from './known-issue.js';
import type { RenderedIssue } from './render-dead-link-issue.js';
import { urlKey } from './url-key.js';

/** What a closed dead-link issue means, once it is known who closed it. */
export type ClosedStanding =
  /** A human closed it: ignore the URL until someone reopens the issue. */
  | { kind: 'ignored'; by: string; acknowledged: boolean }
  /** linkmedic closed it: if the link dies again, a new issue is opened. */
  | { kind: 'bot_closed' };

/** One write the dead-link issue step makes. */
export type IssueAction =
  | { kind: 'open'; url: string; rendered: RenderedIssue }
  | { kind: 'update'; issue: KnownIssue; rendered: RenderedIssue }
  | { kind: 'close'; issue: KnownIssue; reason: CloseReason; duplicateOf?: number }
  | { kind: 'acknowledge'; issue: KnownIssue; by: string };

export interface IssuePlanInput {
  /** The run's links, in catalog order (the order new issues are opened in). */
  links: readonly LinkReport[];
  conclusive: boolean;
  /** The app's dead-link issues, oldest first. */
  issues: readonly KnownIssue[];
  closedStanding: ReadonlyMap<number, ClosedStanding>;
  config: RepoConfig['issues'];
  ignoredByCheckbox: ReadonlySet<string>;
  runId: number;
  render: (link: LinkReport) => RenderedIssue;
}

export interface IssuePlan {
  actions: IssueAction[];
  deferred: string[];
}

const ANSWERS: ReadonlySet<LinkReport['verdict']> = new Set(['alive', 'redirected', 'restricted']);

function closeReasonFor(link: LinkReport | undefined, input: IssuePlanInput): CloseReason | undefined {
  if (!link) return 'removed';
  if (input.ignoredByCheckbox.has(link.url)) return 'ignored_in_report';
  if (!input.config.enabled) return 'issues_disabled';
  if (link.verdict === 'skipped' && link.reason === 'excluded') return 'excluded';
  return ANSWERS.has(link.verdict) ? 'recovered' : undefined;
}

/**
 * Where a URL has no open issue, the one closed last decides: a human closing the issue that
 * survived a duplicate outranks the app's earlier close of that duplicate (and, within the same
 * second, a close the app did not mark as its own wins).
 */
export function lastClosed(group: readonly KnownIssue[]): KnownIssue | undefined {
  const rank = (issue: KnownIssue) => `${issue.closedAt ?? ''} ${issue.markers.botClose ? 0 : 1}`;
  return group.reduce<KnownIssue | undefined>((last, issue) => (!last || rank(issue) >= rank(last) ? issue : last), undefined);
}

/** The app's issues of each URL key, oldest first: an open one decides, else `lastClosed`. */
export function groupByKey(issues: readonly KnownIssue[]): Map<string, KnownIssue[]> {
  const byKey = new Map<string, KnownIssue[]>();
  for (const issue of issues) byKey.set(issue.markers.key, [...(byKey.get(issue.markers.key) ?? []), issue]);
  return byKey;
}

/**
 * Decides every write from the run's verdicts and the issues on GitHub, without I/O. An
 * inconclusive run (linkmedic was offline) never opens, edits or closes anything.
 */
export function planDeadLinkIssues(input: IssuePlanInput): IssuePlan {
  const actions: IssueAction[] = [];
  const linkByKey = new Map(input.links.map((link) => [urlKey(link.url), link] as const));
  const byKey = groupByKey(input.issues);

  for (const [key, group] of byKey) {
    const [keep, ...duplicates] = group.filter((issue) => issue.state === 'open');
    for (const duplicate of duplicates) actions.push({ kind: 'close', issue: duplicate, reason: 'duplicate', duplicateOf: keep!.number });
    const link = linkByKey.get(key);
    if (!keep) {
      const latest = lastClosed(group)!;
      const standing = input.closedStanding.get(latest.number);
      if (standing?.kind === 'ignored' && !standing.acknowledged) actions.push({ kind: 'acknowledge', issue: latest, by: standing.by });
      continue;
    }
    if (!input.conclusive) continue;
    const reason = closeReasonFor(link, input);
    if (reason) {
      actions.push({ kind: 'close', issue: keep, reason });
      continue;
    }
    const rendered = input.render(link!);
    // A reopened issue still carries its close state: rewrite it even if nothing else changed.
    if (keep.markers.fingerprint !== rendered.fingerprint || hasCloseState(keep.body)) actions.push({ kind: 'update', issue: keep, rendered });
  }

  const deferred: string[] = [];
  if (!input.conclusive || !input.config.enabled) return { actions, deferred };
  // Issues an earlier attempt of this same run opened count against its cap.
  let opened = input.issues.filter((issue) => issue.markers.openedRun === input.runId).length;
  for (const link of input.links) {
    if (!link.history?.confirmedDead || input.ignoredByCheckbox.has(link.url)) continue;
    const group = byKey.get(urlKey(link.url)) ?? [];
    if (group.some((issue) => issue.state === 'open')) continue;
    const latest = lastClosed(group);
    if (latest && input.closedStanding.get(latest.number)?.kind !== 'bot_closed') continue;
    if (opened >= input.config.maxNewPerRun) {
      deferred.push(link.url);
      continue;
    }
    actions.push({ kind: 'open', url: link.url, rendered: input.render(link) });
    opened += 1;
  }
  return { actions, deferred };
}
