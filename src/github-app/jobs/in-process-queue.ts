import PQueue from 'p-queue';
import type { QueueCounts } from '../ops/queue-counts.js';
import type { AppJob } from './app-job.js';
import { jobIdentity } from './job-identity.js';
import type { WorkQueue } from './work-queue.js';

/** Tries of one piece of webhook work before it is left to the nightly pass. */
const ATTEMPTS = 3;
/** Pieces of work run at once (on different repositories: each holds its repository's lock). */
const CONCURRENCY = 2;

interface Log {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * The single-process queue: work runs in this process after the webhook has been answered. A
 * failure (GitHub's 5xx, a limit not waited out) is retried at once a few times, which is safe
 * because every piece of work re-reads GitHub before writing; after that it is logged, and the
 * nightly pass catches up.
 */
export class InProcessQueue implements WorkQueue {
  readonly distributed = false;
  readonly #queue = new PQueue({ concurrency: CONCURRENCY });
  /** Jobs not started yet, by repository, so uninstalling can drop them. */
  readonly #waiting = new Map<string, Set<{ dropped: boolean }>>();
  /** Pieces of work given up after their attempts, since this process started. */
  #failed = 0;

  constructor(
    private readonly run: (job: AppJob) => Promise<unknown>,
    private readonly log: () => Log,
  ) {}

  async add(job: AppJob): Promise<void> {
    const { label, repo } = jobIdentity(job);
    const ticket = { dropped: false };
    if (repo) this.#waiting.set(repo, (this.#waiting.get(repo) ?? new Set()).add(ticket));
    void this.#queue.add(async () => {
      if (repo) this.#started(repo, ticket);
      if (ticket.dropped) return;
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.run(job);
          return;
        } catch (error) {
          if (attempt >= ATTEMPTS) {
            this.#failed += 1;
            this.log().error({ err: error }, `${label} failed`);
            return;
          }
          this.log().warn({ err: error, attempt }, `${label} failed; trying again`);
        }
      }
    });
  }

  #started(repo: string, ticket: { dropped: boolean }): void {
    const tickets = this.#waiting.get(repo);
    tickets?.delete(ticket);
    if (tickets?.size === 0) this.#waiting.delete(repo);
  }

  async dropWaiting(repo: string): Promise<number> {
    const tickets = this.#waiting.get(repo.toLowerCase()) ?? new Set();
    for (const ticket of tickets) ticket.dropped = true;
    this.#waiting.delete(repo.toLowerCase());
    return tickets.size;
  }

  idle(): Promise<void> {
    return this.#queue.onIdle();
  }

  async counts(): Promise<QueueCounts> {
    return { waiting: this.#queue.size, active: this.#queue.pending, failed: this.#failed };
  }

  async close(): Promise<void> {
    await this.#queue.onIdle();
  }
}
