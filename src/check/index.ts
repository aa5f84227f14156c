export { CHECK_REASONS, type CheckReason } from './check-reason.js';
export { checkOptionsSchema, DEFAULT_HOST_POLICIES, type CheckOptions, type HostPolicy } from './check-options.js';
export { SUGGESTION_KIND_NAMES, type CheckResult, type RedirectHop, type Suggestion, type SuggestionKind } from './check-result.js';
export type { CheckProgress, CheckRun, CheckStats } from './check-run.js';
export { checkUrls, type CheckDeps, type UrlSource } from './check-urls.js';
export { createUrlFeed, type UrlFeed } from './create-url-feed.js';
export { resolveLocalLink } from './resolve-local-link.js';
export { resolveTimeouts, type Timeouts } from './resolve-timeouts.js';
export { FAILING_VERDICTS, HUMAN_VERDICTS, VERDICT_NAMES, VERDICTS, type Verdict } from './verdict.js';
