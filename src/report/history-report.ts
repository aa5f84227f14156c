import type { CheckOutcome } from '../check/check-outcome.js';
import type { Verdict } from '../check/verdict.js';
import type { HistorySummary } from './history-summary.js';

/**
 * The document of `linkmedic report` (`--format json`): one catalog's history over a window,
 * read from the database alone. schemaVersion 1; later versions only add members. Times are
 * ISO-8601 strings so the document is its own JSON.
 */
export interface HistoryReport {
  schemaVersion: 1;
  catalog: string;
  generatedAt: string;
  /** Start of the window: runs that started at or after it are shown. */
  since: string;
  /** The catalog's latest run (it may be older than `since`). */
  latestRun: RunReportSummary;
  /** Runs in the window. */
  runCount: number;
  /** Distinct URLs by verdict in the latest run. */
  summary: { total: number } & Record<Verdict, number>;
  /** One point per run in the window, oldest first. */
  availability: AvailabilityPoint[];
  /** Every link of the latest run that is neither alive nor skipped, in the order to act on them. */
  links: HistoryLink[];
  /** Links confirmed dead during the window (still in the catalog). */
  newlyDead: ChangedLink[];
  /** Links that failed during the window and answer again. */
  recovered: ChangedLink[];
  /** GitHub stars and Hugging Face likes per entry, grouped by the catalog section they are listed in. */
  sections: SectionPopularity[];
}

export interface RunReportSummary {
  id: number;
  startedAt: string;
  finishedAt: string;
  /** False when the checker was offline during that run: its failures are not evidence. */
  conclusive: boolean;
  urlCount: number;
}

export interface AvailabilityPoint {
  runId: number;
  startedAt: string;
  conclusive: boolean;
  total: number;
  /** Every verdict is present, 0 when no URL got it. */
  counts: Record<Verdict, number>;
}

/** Where the latest run found a link. */
export interface PlaceReport {
  file: string;
  line: number;
  entry?: string;
  /** Heading path, joined with " > ". */
  section?: string;
}

export interface TimelineEntry {
  runId: number;
  startedAt: string;
  verdict: Verdict;
  reason: string;
  /** The run was inconclusive: this result says nothing about the link. */
  inconclusive?: true;
}

export interface HistoryLink extends CheckOutcome {
  places: PlaceReport[];
  history: HistorySummary;
  /** Its verdict in each run of the window, oldest first. */
  timeline: TimelineEntry[];
}

export interface ChangedLink {
  url: string;
  entry?: string;
  section?: string;
  /** Start of the run that confirmed it dead, or of the first run it answered again. */
  at: string;
  /** Its latest verdict and reason. */
  verdict: Verdict;
  reason: string;
  /** Failing runs in the streak: the one that confirmed it, or the one that just ended. */
  failedRuns: number;
  /** Recovered links only: it had been confirmed dead before answering again. */
  wasConfirmedDead?: boolean;
}

export interface SectionPopularity {
  /** Heading path below the catalog's title, joined with " > "; "" for links above any heading. */
  section: string;
  repos: RepoPopularity[];
}

export interface RepoPopularity {
  /** History's repository key (`github:owner/name`, `huggingface:dataset/owner/name`). */
  key: string;
  host: 'github' | 'huggingface';
  /** `owner/name` as the API last named it. */
  name: string;
  url: string;
  entry?: string;
  metric: 'stars' | 'likes';
  value: number;
  delta7d?: number;
  delta30d?: number;
  /** The metric in each run of the window that snapshotted the repository, oldest first. */
  series: { runId: number; at: string; value: number }[];
}
