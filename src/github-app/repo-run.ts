import type { Logger, ProbotOctokit } from 'probot';
import type { MarkdownFile } from '../catalog/read-markdown-files.js';
import type { SourceSpan } from '../catalog/link-occurrence.js';
import type { SuggestionKind } from '../check/check-result.js';
import type { RepoConfig } from '../config/repo-config.js';
import type { CatalogRun } from '../pipeline.js';
import type { HistoryStore } from '../store/history-store.js';

/** An installation-authenticated GitHub client (Probot's Octokit with throttling and retry). */
export type GithubClient = InstanceType<typeof ProbotOctokit>;

/**
 * Everything the GitHub App knows about one repository's run, after `checkCatalog` has checked
 * and recorded it and before anything is written to GitHub. The steps that bring issues, the
 * fix pull request and the report up to date each take one.
 */
export interface RepoRun {
  octokit: GithubClient;
  owner: string;
  repo: string;
  defaultBranch: string;
  /** The default branch's head commit the catalog files were read at. */
  headSha: string;
  /** Web origin for links in bodies (`https://github.com`, or the GHE host). */
  webOrigin: string;
  config: RepoConfig;
  /** The catalog files at `headSha`; `file` is the repository path. */
  files: MarkdownFile[];
  catalogRun: CatalogRun;
  store: HistoryStore;
  now: () => Date;
  log: Logger;
  /** The app's own login (`<slug>[bot]`): what it wrote, it may change; anything else is a human's. */
  botLogin: string;
  /** URLs a maintainer asked to ignore from the report issue's checkboxes. */
  ignoredByCheckbox: ReadonlySet<string>;
}

/** What the dead-link issue step did and learned from GitHub. */
export interface DeadLinkIssuesOutcome {
  /** The open or closed dead-link issue of each URL that has one. */
  issueByUrl: Map<string, { number: number; state: 'open' | 'closed'; htmlUrl: string }>;
  /** URLs whose issue a human closed: never reopened, listed as ignored in the report. */
  ignoredUrls: Map<string, { issue: number; closedBy: string }>;
  opened: number[];
  updated: number[];
  closed: number[];
  /** Confirmed-dead URLs left for a later run by `issues.maxNewPerRun`. */
  deferred: string[];
}

/** One change the fix pull request makes: the URL's characters in one file, old → new. */
export interface ProposedFix {
  file: string;
  line: number;
  /** The source characters rewritten: the URL's span, or a lint fix's (a space-cut URL and its tail). */
  span: SourceSpan;
  /** The URL a reader clicks today (for `[text] (url)`, `from` and `to` are both the URL). */
  from: string;
  /** The URL a reader clicks after the fix. */
  to: string;
  /** The exact text that replaces `span` (the new URL, or a lint fix's replacement). */
  replacement: string;
  kind: SuggestionKind;
  /** The catalog entry the link belongs to, when known. */
  entry?: string;
  /** Why, in one sentence, with the evidence (the redirect chain, the API's new name, the alive check). */
  reason: string;
}

/** What the fix pull request step did to GitHub in this run. */
export type FixPullRequestAction =
  /** A new fix pull request was opened. */
  | 'opened'
  /** The branch was rebuilt and/or the title and body rewritten. */
  | 'updated'
  /** Branch and pull request already matched this run: nothing was written. */
  | 'unchanged'
  /** Nothing is left to fix (or fixes are turned off): the pull request was closed. */
  | 'closed'
  /** A human pushed to the branch: it was left alone. */
  | 'blocked'
  /** No fix and no open pull request, the run was inconclusive, or the default branch has moved on since the run: nothing to do. */
  | 'none';

/** What the fix pull request step did. */
export interface FixPullRequestOutcome {
  pullRequest?: { number: number; htmlUrl: string; state: 'open' | 'closed' };
  fixes: ProposedFix[];
  /** A human pushed to `linkmedic/fix-links`: linkmedic no longer rewrites it. */
  blockedByHuman: boolean;
  /** Pairs a human rejected by closing an earlier fix pull request unmerged. */
  rejectedPairs: Array<{ from: string; to: string }>;
  action: FixPullRequestAction;
}
