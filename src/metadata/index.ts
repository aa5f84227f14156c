// The metadata stage's surface for the orchestrator (src/pipeline.ts).
export type { ApiCheck, ApiOutcome, UnverifiedCheck, UnverifiedReason, VerifiedCheck } from './api-check.js';
export { UNVERIFIED_REASONS } from './api-check.js';
export type { RepoReason } from './repo-reason.js';
export { REPO_REASONS } from './repo-reason.js';
export type { Fetch } from './default-fetch.js';
export { parseGithubRepoUrl, githubRepoUrl, type GithubRepoRef } from './github/parse-github-repo-url.js';
export type { GithubFacts } from './github/github-facts.js';
export { checkGithubRepos, type GithubCheckDeps, type GithubCheckRun, type GithubCheckStats } from './github/check-github-repos.js';
export { createGithubOctokit, DEFAULT_GITHUB_API_URL, type GithubClient } from './github/create-github-octokit.js';
export { parseHuggingFaceUrl, huggingFaceRepoUrl, type HubRepoKind, type HubRepoRef } from './huggingface/parse-hugging-face-url.js';
export type { HubFacts } from './huggingface/hub-facts.js';
export { checkHuggingFaceRepos, DEFAULT_HF_ENDPOINT, type HubCheckDeps, type HubCheckRun, type HubCheckStats } from './huggingface/check-hugging-face-repos.js';
export { findArchiveSnapshot, lookupArchiveSnapshot, DEFAULT_WAYBACK_URL, type ArchiveLookup, type WaybackDeps } from './wayback/find-archive-snapshot.js';
export { markdownFixTargets, suggestMarkdownFixes, type CheckUrl, type MarkdownFixSuggestion } from './suggest-markdown-fixes.js';
export { httpsForm } from './https-form.js';
export { suggestHttpsUpgrade } from './suggest-https-upgrade.js';
