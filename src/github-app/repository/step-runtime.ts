import type { Logger } from 'probot';
import type { CheckOptions } from '../../check/check-options.js';
import type { HttpClient } from '../../http/http-client.js';
import type { HistoryStore } from '../../store/history-store.js';
import type { Env } from '../app-settings.js';
import type { AppMetrics } from '../ops/app-metrics.js';
import type { RepoMemory } from '../state/repo-memory.js';

/**
 * What the repository steps (checking, dead-link issues, the fix pull request, the report issue,
 * ticked boxes) need from whatever runs them: the app's `AppRuntime` (Probot, a server) or the
 * GitHub Action's runtime (a workflow token, one repository). Nothing here knows which.
 */
export interface StepRuntime {
  readonly store: HistoryStore;
  readonly memory: RepoMemory;
  readonly now: () => Date;
  readonly log: Logger;
  /** Proxies, `HF_ENDPOINT`, `WAYBACK_API_URL`, … for the checker and the metadata APIs. */
  readonly env: Env;
  readonly check: CheckOptions | undefined;
  readonly sleep: ((ms: number) => Promise<void>) | undefined;
  /** Whoever runs linkmedic lets repositories check private addresses (their `allowPrivateNetworks`). */
  readonly allowPrivateNetworks: boolean;
  /** The checker's HTTP client for one repository: private addresses only if both sides allow it. */
  httpFor(repoWantsPrivateNetworks: boolean): HttpClient;
  /** Where links checked and the Hub's rate limit are counted (the app's `/metrics`); none in the Action. */
  readonly metrics?: Pick<AppMetrics, 'countLinks' | 'observeHubRateLimit'>;
}
