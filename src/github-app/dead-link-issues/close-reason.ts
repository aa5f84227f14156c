import { STOP_IGNORING_LABEL } from '../report-issue/report-checkboxes.js';
import { formatTime } from './markdown-text.js';

/** Why linkmedic closes a dead-link issue itself (a human's close is never one of these). */
export type CloseReason =
  /** The link answers again (alive, redirected, or behind a login). */
  | 'recovered'
  /** The URL is no longer in the checked files: a merged fix or a human edit removed it. */
  | 'removed'
  /** The repository's config now excludes the URL from checks. */
  | 'excluded'
  /** A maintainer ticked "ignore" for the URL in the report issue. */
  | 'ignored_in_report'
  /** `issues.enabled: false` in the repository's config. */
  | 'issues_disabled'
  /** Another open issue of the app has the same URL; the oldest one is kept. */
  | 'duplicate';

export interface CloseContext {
  /** When the run that decided it started (ISO). */
  checkedAt: string;
  /** Short head commit of the default branch the run read. */
  headSha: string;
  /** The surviving issue, for `duplicate`. */
  duplicateOf?: number;
}

export function closeComment(reason: CloseReason, context: CloseContext): string {
  const at = formatTime(context.checkedAt);
  switch (reason) {
    case 'recovered':
      return `The link works again (checked ${at}), so linkmedic closes this issue. If it fails for several runs again, linkmedic opens a new issue.`;
    case 'removed':
      return `The link is no longer in the checked files at ${context.headSha.slice(0, 7)} (fixed or removed), so linkmedic closes this issue.`;
    case 'excluded':
      return `The repository's \`.github/linkmedic.yml\` now excludes this link from checks, so linkmedic closes this issue.`;
    case 'ignored_in_report':
      return `A maintainer asked to ignore this link in the link health report, so linkmedic closes this issue. To undo, tick **${STOP_IGNORING_LABEL}** next to the link in the report's Ignored section.`;
    case 'issues_disabled':
      return 'Dead-link issues are turned off in `.github/linkmedic.yml` (`issues.enabled: false`), so linkmedic closes this issue.';
    case 'duplicate':
      return `Duplicate of #${context.duplicateOf}, which stays open for this link.`;
    default:
      return reason satisfies never;
  }
}

/** GitHub's close reason: "completed" only when the link's problem is actually gone. */
export function stateReasonFor(reason: CloseReason): 'completed' | 'not_planned' {
  return reason === 'recovered' || reason === 'removed' ? 'completed' : 'not_planned';
}
