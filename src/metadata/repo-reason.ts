/**
 * `CheckResult.reason` values the metadata providers emit. A closed set so history rules and the
 * report can switch over them (e.g. `repo_not_found` is a hard signal for `confirmedDead`).
 */
export const REPO_REASONS = {
  repo_ok: 'The API returned the repository under the linked name.',
  repo_archived: 'The repository exists but is archived (read-only); still alive.',
  repo_gated: 'The Hugging Face repository asks users to accept conditions before downloading; still alive.',
  repo_renamed: 'The repository answers under another name (rename or transfer); a suggestion holds it.',
  repo_not_found: 'The API says the repository does not exist (or is private to everyone but its owners).',
  repo_disabled: 'The host disabled the repository.',
  repo_blocked: 'GitHub blocked the repository (DMCA takedown 451, or a terms-of-service block 403).',
  repo_private: 'The token can see the repository, but it is private: readers of the catalog cannot.',
  repo_forbidden: 'The API refused access to an existing repository (e.g. organisation SAML or IP allow list).',
  api_rate_limited: 'The API kept answering 429 past the wait cap.',
} as const;

export type RepoReason = keyof typeof REPO_REASONS;
