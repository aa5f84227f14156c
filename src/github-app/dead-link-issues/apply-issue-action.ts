import type { GithubClient } from '../repo-run.js';
import { closeComment, stateReasonFor, type CloseContext } from './close-reason.js';
import { commentOnce } from './comment-once.js';
import { keyMarker, withCloseState } from './issue-markers.js';
import { codeSpan } from './markdown-text.js';
import type { IssueAction } from './plan-dead-link-issues.js';
import { urlKey } from './url-key.js';

export interface ActionContext extends Omit<CloseContext, 'duplicateOf'> {
  owner: string;
  repo: string;
  botLogin: string;
  runId: number;
  labels: readonly string[];
  /** The URL of each key in this run's catalog (for the acknowledgement's text). */
  urlOfKey: ReadonlyMap<string, string>;
}

/** What one applied action left on GitHub. */
export interface AppliedAction {
  number: number;
  state: 'open' | 'closed';
  htmlUrl: string;
}

/**
 * Applies one planned write. Each is safe to repeat: comments carry a marker that is looked for
 * first, and the issue's own edit comes last, so a retry after a failure in between finishes the
 * job without saying anything twice.
 */
export async function applyIssueAction(octokit: GithubClient, action: IssueAction, context: ActionContext): Promise<AppliedAction> {
  const where = { owner: context.owner, repo: context.repo };
  switch (action.kind) {
    case 'open': {
      const marker = keyMarker({ key: urlKey(action.url), fingerprint: action.rendered.fingerprint, openedRun: context.runId });
      const { data } = await octokit.rest.issues.create({ ...where, title: action.rendered.title, body: `${action.rendered.body}\n\n${marker}`, labels: [...context.labels] });
      return { number: data.number, state: 'open', htmlUrl: data.html_url };
    }
    case 'update': {
      const { issue, rendered } = action;
      const marker = keyMarker({ key: issue.markers.key, fingerprint: rendered.fingerprint, openedRun: issue.markers.openedRun });
      await octokit.rest.issues.update({ ...where, issue_number: issue.number, title: rendered.title, body: `${rendered.body}\n\n${marker}` });
      return { number: issue.number, state: 'open', htmlUrl: issue.htmlUrl };
    }
    case 'close': {
      const { issue, reason } = action;
      await commentOnce(octokit, {
        ...where,
        issueNumber: issue.number,
        botLogin: context.botLogin,
        marker: `<!-- linkmedic:close key=${issue.markers.key} run=${context.runId} -->`,
        body: closeComment(reason, { ...context, ...(action.duplicateOf !== undefined && { duplicateOf: action.duplicateOf }) }),
        knownComments: issue.comments,
      });
      const body = withCloseState(issue.body, { botClose: { reason, run: context.runId } });
      await octokit.rest.issues.update({ ...where, issue_number: issue.number, state: 'closed', state_reason: stateReasonFor(reason), body });
      return { number: issue.number, state: 'closed', htmlUrl: issue.htmlUrl };
    }
    case 'acknowledge': {
      const { issue, by } = action;
      const url = context.urlOfKey.get(issue.markers.key) ?? 'this link';
      await commentOnce(octokit, {
        ...where,
        issueNumber: issue.number,
        botLogin: context.botLogin,
        marker: `<!-- linkmedic:ignore-ack key=${issue.markers.key} closed-at=${issue.closedAt} -->`,
        body: `linkmedic will ignore ${codeSpan(url)} from now on: it opens no new issue for it and lists it as ignored in the link health report. To undo, reopen this issue.`,
        knownComments: issue.comments,
      });
      await octokit.rest.issues.update({ ...where, issue_number: issue.number, body: withCloseState(issue.body, { ignored: { by, closedAt: issue.closedAt! } }) });
      return { number: issue.number, state: 'closed', htmlUrl: issue.htmlUrl };
    }
    default:
      return action satisfies never;
  }
}
