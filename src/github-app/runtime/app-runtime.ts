import type { Logger, Probot } from 'probot';
import type { CheckOptions } from '../../check/check-options.js';
import { createHttpClient } from '../../http/create-http-client.js';
import type { HttpClient } from '../../http/http-client.js';
import type { HistoryStore } from '../../store/history-store.js';
import { DEFAULT_HISTORY_RETENTION_DAYS, type Env } from '../app-settings.js';
import type { LeaseOptions } from '../../store/leases/lease-options.js';
import { Leases } from '../../store/leases/leases.js';
import { stopWritesOnAbort } from '../github/stop-writes-on-abort.js';
import type { AppJob } from '../jobs/app-job.js';
import { InProcessQueue } from '../jobs/in-process-queue.js';
import { runJob } from '../jobs/run-job.js';
import type { WorkQueue } from '../jobs/work-queue.js';
import { AppMetrics } from '../ops/app-metrics.js';
import type { GithubClient } from '../repo-run.js';
import { PassLog } from '../state/pass-log.js';
import { RepoMemory } from '../state/repo-memory.js';
import { RepoRemovals } from '../state/repo-removals.js';
import { RepoLocks } from './repo-locks.js';

/** The outside world the app works with; production defaults for everything but the store. */
export interface AppDeps {
  store: HistoryStore;
  now?: () => Date;
  /** Proxies, `HF_ENDPOINT`, `WAYBACK_API_URL`, … for the checker and the metadata APIs. */
  env?: Env;
  /** The operator's permission for repositories to turn the private-address guard off. */
  allowPrivateNetworks?: boolean;
  /** Builds the link checker's HTTP client; the guard is on unless `allowPrivateNetworks`. */
  createHttpClient?: (options: { allowPrivateNetworks: boolean; env: Env }) => HttpClient;
  check?: CheckOptions;
  /** The checker's and metadata stage's waits (backoffs, Retry-After); default real timers. */
  sleep?: (ms: number) => Promise<void>;
  /** What `/metrics` reports; the same instance the app's Octokit reports GitHub's rate limits to. */
  metrics?: AppMetrics;
  /** Days a removed repository's history is kept after its last run; `null` keeps it for ever. Default 90. */
  historyRetentionDays?: number | null;
  /** Lease timing (lifetime, longest wait) and clock; production defaults (wall clock, 5 minutes). */
  leases?: Partial<LeaseOptions>;
  /** Where work goes: BullMQ when `REDIS_URL` is set; default this process's own queue. */
  queue?: WorkQueue;
}

/**
 * What every part of the app shares: Probot (GitHub clients), the store, the clock, the leases
 * (one writer per repository across processes) and the queue of work that webhooks and the
 * schedule start.
 */
export class AppRuntime {
  readonly store: HistoryStore;
  readonly now: () => Date;
  readonly env: Env;
  readonly allowPrivateNetworks: boolean;
  readonly check: CheckOptions | undefined;
  readonly sleep: ((ms: number) => Promise<void>) | undefined;
  readonly passes: PassLog;
  readonly memory: RepoMemory;
  /** Repositories removed from the app, whose history is deleted once it is old enough. */
  readonly removals: RepoRemovals;
  readonly historyRetentionDays: number | null;
  readonly metrics: AppMetrics;
  readonly leases: Leases;
  readonly locks: RepoLocks;
  readonly jobs: WorkQueue;
  /** Aborted when the process stops: a pass walked in this process stops between repositories. */
  readonly stopping = new AbortController();
  readonly #createHttp: NonNullable<AppDeps['createHttpClient']>;
  #botLogin: Promise<string> | undefined;

  constructor(
    readonly probot: Probot,
    deps: AppDeps,
  ) {
    this.store = deps.store;
    this.now = deps.now ?? (() => new Date());
    this.env = deps.env ?? { ...process.env };
    this.allowPrivateNetworks = deps.allowPrivateNetworks ?? false;
    this.check = deps.check;
    this.sleep = deps.sleep;
    this.passes = new PassLog(deps.store.sql);
    this.memory = new RepoMemory(deps.store.sql);
    this.removals = new RepoRemovals(deps.store.sql);
    this.historyRetentionDays = deps.historyRetentionDays === undefined ? DEFAULT_HISTORY_RETENTION_DAYS : deps.historyRetentionDays;
    this.metrics = deps.metrics ?? new AppMetrics();
    this.leases = new Leases(deps.store.sql, { onError: (error, what) => this.log.warn({ err: error }, `${what} failed`), ...deps.leases });
    this.locks = new RepoLocks(this.leases);
    this.jobs = deps.queue ?? new InProcessQueue((job) => runJob(this, job), () => this.log);
    this.metrics.watchQueue(() => this.jobs.counts());
    this.#createHttp = deps.createHttpClient ?? ((options) => createHttpClient({ env: { ...options.env }, allowPrivateNetworks: options.allowPrivateNetworks }));
  }

  get log(): Logger {
    return this.probot.log;
  }

  /** `<slug>[bot]`: what the app wrote, it may change; anything else is a human's. */
  botLogin(): Promise<string> {
    this.#botLogin ??= this.probot.auth().then(async (octokit) => {
      const { data } = await octokit.rest.apps.getAuthenticated();
      if (!data?.slug) throw new Error('GET /app returned no slug');
      return `${data.slug}[bot]`;
    });
    // A failed lookup is not cached: the next caller asks again.
    this.#botLogin.catch(() => (this.#botLogin = undefined));
    return this.#botLogin;
  }

  /**
   * A client for one installation. With the signal of the repository's lease, the client refuses
   * to write once the lease is lost (`stopWritesOnAbort`); every write path passes it.
   */
  async installation(installationId: number, signal?: AbortSignal): Promise<GithubClient> {
    // Probot builds a new client per call, so the guard stays with this piece of work.
    const octokit = (await this.probot.auth(installationId)) as GithubClient;
    return signal ? stopWritesOnAbort(octokit, signal) : octokit;
  }

  /** The checker's HTTP client for one repository: private addresses only if both sides allow it. */
  httpFor(repoWantsPrivateNetworks: boolean): HttpClient {
    return this.#createHttp({ allowPrivateNetworks: repoWantsPrivateNetworks && this.allowPrivateNetworks, env: this.env });
  }

  /** Queues a piece of work (see `jobs/app-job.ts`); resolves once it is queued, not done. */
  enqueue(job: AppJob): Promise<void> {
    return this.jobs.add(job);
  }

  /** Resolves once the work this process queued for itself has finished. */
  idle(): Promise<void> {
    return this.jobs.idle();
  }
}
