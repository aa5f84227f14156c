import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { VERDICT_NAMES, type Verdict } from '../../check/verdict.js';
import type { ResponseHeaders } from '../github/create-app-octokit.js';
import type { HubRateLimit } from '../../metadata/huggingface/parse-rate-limit-headers.js';
import type { RepoRunStatus } from '../repository/run-repository.js';
import type { QueueCounts, QueueCountsProvider } from './queue-counts.js';

/** How a repository run ended, as `/metrics` counts it: its status, or `failed` when it threw. */
export type RunMetricOutcome = RepoRunStatus | 'failed';

// A record, not a list, so a new RepoRunStatus that is not counted here fails to compile.
const RUN_OUTCOMES: Record<RunMetricOutcome, true> = { done: true, partial: true, unconfigured: true, invalid_config: true, not_due: true, failed: true };

const HUB_REMAINING = 'linkmedic_hub_rate_limit_remaining';

/**
 * The app's Prometheus metrics, in a registry of its own (never prom-client's global one), so
 * two runtimes in one process, and tests, each count their own.
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly #runs: Counter<'outcome'>;
  readonly #duration: Histogram<'outcome'>;
  readonly #links: Counter<'verdict'>;
  readonly #githubRemaining: Gauge<'resource'>;
  readonly #hubRemaining: Gauge;
  #queue: QueueCountsProvider | undefined;

  /** `process`: Node's own metrics too (memory, CPU, event-loop lag): for the one runtime of a server process. */
  constructor(options: { process?: boolean } = {}) {
    const registers = [this.registry];
    this.#runs = new Counter({ name: 'linkmedic_repository_runs_total', help: 'Repository runs by how they ended (a RepoRunStatus, or failed when the run threw).', labelNames: ['outcome'], registers });
    this.#duration = new Histogram({
      name: 'linkmedic_repository_run_duration_seconds', help: 'Wall time of a repository run, from reading its configuration to the report.',
      labelNames: ['outcome'], buckets: [0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1200, 2400, 3600], registers,
    });
    this.#links = new Counter({ name: 'linkmedic_links_checked_total', help: 'Links checked by repository runs, by verdict.', labelNames: ['verdict'], registers });
    this.#githubRemaining = new Gauge({ name: 'linkmedic_github_rate_limit_remaining', help: 'x-ratelimit-remaining of the last GitHub answer, by x-ratelimit-resource.', labelNames: ['resource'], registers });
    // Registered at the first answer: an unlabelled gauge would read 0 (budget spent) until then.
    this.#hubRemaining = new Gauge({ name: HUB_REMAINING, help: 'Requests left in the Hugging Face Hub API window, from its last RateLimit header.', registers: [] });
    const queue = this;
    new Gauge({
      name: 'linkmedic_queue_jobs', help: 'Jobs in the work queue by state (waiting, active, failed).', labelNames: ['state'], registers,
      async collect() {
        const counts = await queue.#readQueue();
        this.reset();
        if (counts) for (const state of ['waiting', 'active', 'failed'] as const) this.set({ state }, counts[state]);
      },
    });
    // Every series exists from the start: a rate over a counter that appears late misses its first step.
    for (const outcome of Object.keys(RUN_OUTCOMES)) this.#runs.inc({ outcome }, 0);
    for (const verdict of VERDICT_NAMES) this.#links.inc({ verdict }, 0);
    if (options.process) collectDefaultMetrics({ register: this.registry });
  }

  /** Starts timing a repository run; call the result with how it ended. */
  startRun(): (outcome: RunMetricOutcome) => void {
    const end = this.#duration.startTimer();
    return (outcome) => {
      end({ outcome });
      this.#runs.inc({ outcome });
    };
  }

  /** A checked run's verdict counts (its report's summary). */
  countLinks(summary: Readonly<Record<Verdict, number>>): void {
    for (const verdict of VERDICT_NAMES) if (summary[verdict] > 0) this.#links.inc({ verdict }, summary[verdict]);
  }

  /** Reads GitHub's `x-ratelimit-remaining` (and `-resource`) from any answer that has them. */
  observeGithubHeaders(headers: ResponseHeaders): void {
    const remaining = Number(headers['x-ratelimit-remaining']);
    if (headers['x-ratelimit-remaining'] === undefined || !Number.isFinite(remaining)) return;
    this.#githubRemaining.set({ resource: String(headers['x-ratelimit-resource'] ?? 'core') }, remaining);
  }

  /** What the Hub's `RateLimit` header said about the window. */
  observeHubRateLimit(limit: HubRateLimit): void {
    if (limit.remaining === undefined) return;
    if (!this.registry.getSingleMetric(HUB_REMAINING)) this.registry.registerMetric(this.#hubRemaining);
    this.#hubRemaining.set(limit.remaining);
  }

  /** Where `linkmedic_queue_jobs` is read from at each scrape. */
  watchQueue(provider: QueueCountsProvider): void {
    this.#queue = provider;
  }

  /** The exposition text and its content type. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }

  // A queue that cannot be read (Redis down) leaves the gauge empty rather than failing the scrape:
  // /readyz is what says Redis is unreachable.
  async #readQueue(): Promise<QueueCounts | undefined> {
    try {
      return await this.#queue?.();
    } catch {
      return undefined;
    }
  }
}
