import type { CheckResult } from '../check/check-result.js';
import type { GithubFacts } from '../metadata/github/github-facts.js';
import type { HubFacts } from '../metadata/huggingface/hub-facts.js';

/** Which part of linkmedic gave a link its verdict. */
export type CheckedBy =
  /** GitHub's GraphQL API (a repository link, with a token). */
  | 'github_api'
  /** The Hugging Face Hub API. */
  | 'huggingface_api'
  /** An HTTP request to the link itself. */
  | 'http'
  /** Nobody: the link is excluded by configuration. */
  | 'config';

/** A verdict plus what the APIs said about the repository behind the link. */
export interface CheckedLink {
  result: CheckResult;
  checkedBy: CheckedBy;
  github?: GithubFacts;
  huggingface?: HubFacts;
  /** Why an API could not vouch for the link, when the HTTP checker answered instead. */
  apiFallback?: string;
}
