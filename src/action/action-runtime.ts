import type { Logger } from 'pino';
import type { CheckOptions } from '../check/check-options.js';
import type { Env } from '../github-app/app-settings.js';
import type { StepRuntime } from '../github-app/repository/step-runtime.js';
import { RepoMemory } from '../github-app/state/repo-memory.js';
import { createHttpClient } from '../http/create-http-client.js';
import type { HttpClient } from '../http/http-client.js';
import type { HistoryStore } from '../store/history-store.js';

/**
 * The shared steps' runtime inside one workflow step: the history file opened for this run, the
 * runner's environment, and whether the workflow allows private addresses (the maintainer owns
 * the runner, as an operator owns the app's server).
 */
export class ActionRuntime implements StepRuntime {
  readonly memory: RepoMemory;
  readonly check: CheckOptions | undefined = undefined;
  readonly sleep: ((ms: number) => Promise<void>) | undefined = undefined;

  constructor(
    readonly store: HistoryStore,
    readonly log: Logger,
    readonly env: Env,
    readonly allowPrivateNetworks: boolean,
    readonly now: () => Date = () => new Date(),
  ) {
    this.memory = new RepoMemory(store.sql);
  }

  httpFor(repoWantsPrivateNetworks: boolean): HttpClient {
    return createHttpClient({ env: { ...this.env }, allowPrivateNetworks: repoWantsPrivateNetworks && this.allowPrivateNetworks });
  }
}
