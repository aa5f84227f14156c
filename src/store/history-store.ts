import type { Database } from 'better-sqlite3';
import { DEFAULT_DEAD_RULES, type DeadRules } from './dead-rules.js';
import { causeText, dbError, isSqliteError } from './db-error.js';
import type { LinkState } from './link-state.js';
import { availabilitySince, type RunAvailability } from './queries/availability-since.js';
import { latestRuns } from './queries/latest-runs.js';
import { linkChanges, type LinkChanges } from './queries/link-changes.js';
import { linkStates } from './queries/link-states.js';
import { linkTimeline } from './queries/link-timeline.js';
import { recordedCatalogs, type RecordedCatalog } from './queries/recorded-catalogs.js';
import type { RepoTrend } from './queries/repo-trend.js';
import { repoSeries, type RepoSeries } from './queries/repo-series.js';
import { repoTrends } from './queries/repo-trends.js';
import { runResults, type StoredResult } from './queries/run-results.js';
import type { RunSummary } from './queries/run-summary.js';
import { runsSince } from './queries/runs-since.js';
import { recordRun } from './record-run.js';
import type { RecordedRun } from './recorded-run.js';
import { MEMORY_DB } from './resolve-db-path.js';
import { prepareStatements, type Statements } from './statements.js';
import type { TimelinePoint } from './timeline-point.js';

/**
 * The history of every run, per catalog. Reads run inside one read transaction each, so a query
 * made of several statements sees one snapshot even while another process records a run.
 */
export class HistoryStore {
  readonly #statements: Statements;

  constructor(
    /** Exposed for later migrations' owners (the GitHub App's state); the store's own SQL stays in statements.ts. */
    readonly db: Database,
    readonly path: string,
    private readonly now: () => Date,
  ) {
    this.#statements = prepareStatements(db);
  }

  /** False for a `--no-db` run: history holds this run only, so streaks and deltas mean little. */
  get persistent(): boolean {
    return this.path !== MEMORY_DB;
  }

  /** Records a run atomically; returns its id. */
  recordRun(run: RecordedRun): number {
    return this.#guard('recording a run', () => recordRun(this.db, this.#statements, run));
  }

  /** Each URL's derived state (streak, first failure, last alive, confirmed dead) in the catalog. */
  linkStates(catalog: string, urls: Iterable<string>, rules: DeadRules = DEFAULT_DEAD_RULES): Map<string, LinkState> {
    return this.#read(() => linkStates(this.#statements, catalog, urls, rules));
  }

  linkTimeline(catalog: string, url: string, options: { since?: Date } = {}): TimelinePoint[] {
    return this.#read(() => linkTimeline(this.#statements, catalog, url, options));
  }

  /** The catalogs this database holds runs of, most recently checked first. */
  recordedCatalogs(): RecordedCatalog[] {
    return this.#read(() => recordedCatalogs(this.#statements));
  }

  runsSince(catalog: string, since: Date): RunSummary[] {
    return this.#read(() => runsSince(this.#statements, catalog, since));
  }

  latestRuns(catalog: string, limit: number): RunSummary[] {
    return this.#read(() => latestRuns(this.#statements, catalog, limit));
  }

  /** Every URL's result in one run (e.g. the latest of `latestRuns`), for reports built from history alone. */
  runResults(runId: number): StoredResult[] {
    return this.#read(() => runResults(this.#statements, runId));
  }

  availabilitySince(catalog: string, since: Date): RunAvailability[] {
    return this.#read(() => availabilitySince(this.#statements, catalog, since));
  }

  /** Links newly confirmed dead and links recovered between the catalog's last two runs. */
  linkChanges(catalog: string, rules: DeadRules = DEFAULT_DEAD_RULES): LinkChanges {
    return this.#read(() => linkChanges(this.#statements, catalog, rules));
  }

  /** Stars and likes with 7- and 30-day deltas, as of `at` (default: the store's clock). */
  repoTrends(catalog: string, options: { at?: Date; keys?: readonly string[] } = {}): Map<string, RepoTrend> {
    return this.#read(() => repoTrends(this.#statements, catalog, options.at ?? this.now(), options.keys));
  }

  repoSeries(catalog: string, since: Date, keys?: readonly string[]): Map<string, RepoSeries> {
    return this.#read(() => repoSeries(this.#statements, catalog, since, keys));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  #read<T>(query: () => T): T {
    return this.#guard('reading history', () => this.db.transaction(query).deferred());
  }

  #guard<T>(action: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (isSqliteError(error)) throw dbError(this.path, `failed while ${action}: ${causeText(error)}`, { cause: error });
      throw error;
    }
  }
}
