import { DEFAULT_DEAD_RULES, type DeadRules } from './dead-rules.js';
import { causeText, dbError } from './db-error.js';
import { deleteIdleCatalog, type DeletedHistory } from './delete-idle-catalog.js';
import type { LinkState } from './link-state.js';
import { archiveAnswers, rememberArchiveAnswers, type ArchiveAnswer } from './queries/archive-answers.js';
import { availabilitySince, type RunAvailability } from './queries/availability-since.js';
import { latestRuns } from './queries/latest-runs.js';
import { legacyCatalogs, type LegacyCatalog } from './queries/legacy-catalogs.js';
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
import { recordRun, type RecordedWithin } from './record-run.js';
import type { RecordedRun } from './recorded-run.js';
import { rekeyCatalogs, type CatalogRekey, type RekeyResult } from './rekey-catalogs.js';
import { MEMORY_DB } from './resolve-db-path.js';
import type { SqlDriver, SqlExecutor } from './sql/sql-driver.js';
import { isSqlFailure } from './sql/sql-failure.js';
import type { TimelinePoint } from './timeline-point.js';

/**
 * The history of every run, per catalog, in SQLite or Postgres (the driver decides; the queries
 * are the same). Each read runs in one read transaction, so a query made of several statements
 * sees one snapshot even while another process records a run.
 */
export class HistoryStore {
  constructor(
    /** The connection, shared with the GitHub App's state (its own tables, same database). */
    readonly sql: SqlDriver,
    private readonly now: () => Date,
  ) {}

  /** The file path, `:memory:`, or the Postgres URL without its password. */
  get location(): string {
    return this.sql.location;
  }

  /** False for a `--no-db` run: history holds this run only, so streaks and deltas mean little. */
  get persistent(): boolean {
    return this.sql.location !== MEMORY_DB;
  }

  /** Records a run atomically; resolves to its id. */
  recordRun(run: RecordedRun, within?: RecordedWithin): Promise<number> {
    return this.guard('recording a run', () => recordRun(this.sql, run, within));
  }

  /**
   * Deletes one run (its results, places and snapshots go with it): for the app, a run recorded by
   * an attempt that died before anything was done with it, which the retry replaces.
   */
  discardRun(runId: number): Promise<void> {
    return this.guard('discarding a run', async () => {
      await this.sql.run('DELETE FROM runs WHERE id = ?', [runId]);
    });
  }

  /** Each URL's derived state (streak, first failure, last alive, confirmed dead) in the catalog. */
  linkStates(catalog: string, urls: Iterable<string>, rules: DeadRules = DEFAULT_DEAD_RULES): Promise<Map<string, LinkState>> {
    return this.#read((tx) => linkStates(tx, catalog, urls, rules));
  }

  linkTimeline(catalog: string, url: string, options: { since?: Date } = {}): Promise<TimelinePoint[]> {
    return this.#read((tx) => linkTimeline(tx, catalog, url, options));
  }

  /** The catalogs this database holds runs of, most recently checked first. */
  recordedCatalogs(): Promise<RecordedCatalog[]> {
    return this.#read((tx) => recordedCatalogs(tx));
  }

  /** Old-form `local:` keys (paths relative to a folder the database does not record) not yet re-keyed. */
  legacyCatalogs(): Promise<LegacyCatalog[]> {
    return this.#read((tx) => legacyCatalogs(tx));
  }

  /** Moves old-form histories to their new keys, atomically, recording each decision so it is made once. */
  rekeyCatalogs(moves: readonly CatalogRekey[]): Promise<RekeyResult[]> {
    return this.guard('re-keying history', () => rekeyCatalogs(this.sql, moves, this.now()));
  }

  runsSince(catalog: string, since: Date): Promise<RunSummary[]> {
    return this.#read((tx) => runsSince(tx, catalog, since));
  }

  latestRuns(catalog: string, limit: number): Promise<RunSummary[]> {
    return this.#read((tx) => latestRuns(tx, catalog, limit));
  }

  /** Every URL's result in one run (e.g. the latest of `latestRuns`), for reports built from history alone. */
  runResults(runId: number): Promise<StoredResult[]> {
    return this.#read((tx) => runResults(tx, runId));
  }

  availabilitySince(catalog: string, since: Date): Promise<RunAvailability[]> {
    return this.#read((tx) => availabilitySince(tx, catalog, since));
  }

  /** Links newly confirmed dead and links recovered between the catalog's last two runs. */
  linkChanges(catalog: string, rules: DeadRules = DEFAULT_DEAD_RULES): Promise<LinkChanges> {
    return this.#read((tx) => linkChanges(tx, catalog, rules));
  }

  /** Stars and likes with 7- and 30-day deltas, as of `at` (default: the store's clock). */
  repoTrends(catalog: string, options: { at?: Date; keys?: readonly string[] } = {}): Promise<Map<string, RepoTrend>> {
    return this.#read((tx) => repoTrends(tx, catalog, options.at ?? this.now(), options.keys));
  }

  repoSeries(catalog: string, since: Date, keys?: readonly string[]): Promise<Map<string, RepoSeries>> {
    return this.#read((tx) => repoSeries(tx, catalog, since, keys));
  }

  /** The Wayback Machine's answers about `urls` given at or after `since` (see archive-answers.ts). */
  archiveAnswers(urls: readonly string[], since: Date): Promise<Map<string, ArchiveAnswer>> {
    return this.#read((tx) => archiveAnswers(tx, urls, since));
  }

  /** Remembers Wayback answers; answers older than `forgetBefore` are dropped in the same write. */
  rememberArchiveAnswers(answers: readonly ArchiveAnswer[], forgetBefore: Date): Promise<void> {
    return this.guard('remembering archive answers', () => this.sql.transaction((tx) => rememberArchiveAnswers(tx, answers, forgetBefore)));
  }

  /**
   * Deletes the catalog's whole history if it has had no run since `idleSince` (resolves to
   * undefined, deleting nothing, if it has). The GitHub App calls it for repositories removed
   * from the app, once their retention has passed.
   */
  deleteIdleCatalog(catalog: string, idleSince: Date): Promise<DeletedHistory | undefined> {
    return this.guard('deleting history', () => this.sql.transaction((tx) => deleteIdleCatalog(tx, catalog, idleSince)));
  }

  close(): Promise<void> {
    return this.sql.close();
  }

  /** Turns the database's own failures (locked, disk full, connection refused) into one-line `DB_ERROR`s naming it. */
  async guard<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isSqlFailure(error)) throw dbError(this.location, `failed while ${action}: ${causeText(error)}`, { cause: error });
      throw error;
    }
  }

  #read<T>(query: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.guard('reading history', () => this.sql.transaction(query, { mode: 'read' }));
  }
}
