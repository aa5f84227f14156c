import type { Verdict } from '../../check/verdict.js';
import type { ProposedFix } from '../repo-run.js';
import type { Recheck } from '../state/repo-memory.js';

/** One failing (or needs-a-human) link as the report lists it. */
export interface ReportLink {
  url: string;
  /** `urlKey(url)`: the checkbox key (the same hash dead-link issues use). */
  key: string;
  entry?: string;
  places: Array<{ file: string; line: number }>;
  verdict: Verdict;
  detail: string;
  failures: number;
  firstFailedAt?: string;
  lastAliveAt?: string;
  issue?: { number: number; state: 'open' | 'closed' };
  suggestion?: string;
  recheck?: Recheck;
}

export interface IgnoredLink {
  url: string;
  key: string;
  entry?: string;
  /** `checkbox`: ticked in this report (un-ignore box shown); `issue`: its dead-link issue was closed. */
  how: 'checkbox' | 'issue';
  by: string;
  issue?: number;
}

export interface RepoStat {
  name: string;
  url: string;
  value: number;
  delta7d?: number;
  delta30d?: number;
}

export interface CatalogNumbers {
  topStars: RepoStat[];
  topLikes: RepoStat[];
  /** Largest 7-day gains, stars and likes together. */
  gainers: Array<RepoStat & { metric: 'stars' | 'likes' }>;
  archived: Array<{ name: string; url: string; entry?: string }>;
}

/** One point of the availability chart. */
export interface AvailabilityPoint {
  startedAt: string;
  /** Share of checked links that answered (alive or redirected), 0–100. */
  percent: number;
}

/** Everything the report issue shows, as plain data: rendering is a pure function of it. */
export interface ReportModel {
  place: { webOrigin: string; owner: string; repo: string; headSha: string };
  problems: string[];
  confirmedDead: ReportLink[];
  failing: ReportLink[];
  needsHuman: ReportLink[];
  fixes: { items: ProposedFix[]; pullRequest?: { number: number; state: 'open' | 'closed' }; blockedByHuman: boolean };
  recovered: Array<{ url: string; entry?: string; wasConfirmedDead: boolean; failedSince?: string }>;
  ignored: IgnoredLink[];
  rejectedFixes: Array<{ from: string; to: string }>;
  numbers: CatalogNumbers;
  availability: AvailabilityPoint[];
  run: { runId: number; startedAt: string; elapsedMs: number; links: number; conclusive: boolean };
}
