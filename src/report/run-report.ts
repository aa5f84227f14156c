import type { LintCode } from '../catalog/lint-finding.js';
import type { LinkKind, SourceSpan } from '../catalog/link-occurrence.js';
import type { CheckOutcome } from '../check/check-outcome.js';
import type { RedirectHop } from '../check/check-result.js';
import type { Verdict } from '../check/verdict.js';
import type { CheckedBy } from '../pipeline/checked-link.js';
import type { HistorySummary } from './history-summary.js';

/**
 * The JSON document of `linkmedic check --json` (schemaVersion 1). Members documented in the
 * README are stable; later versions only add members.
 */
export interface RunReport {
  schemaVersion: 1;
  /** The history key of the checked catalog (`git:host/owner/repo:path`, `local:/abs/path`, `bundled:name` or `github:owner/repo`; see store/catalog-key.ts). */
  catalog: string;
  /** False when linkmedic itself could not reach the network: no link was judged dead then. */
  conclusive: boolean;
  inconclusiveReason?: string;
  startedAt: string;
  finishedAt: string;
  summary: { total: number } & Record<Verdict, number>;
  links: LinkReport[];
  findings: FindingReport[];
  stats: RunStats;
}

export interface OccurrenceReport {
  file: string;
  line: number;
  column: number;
  entry?: string;
  /** Heading path, joined with " > ". */
  section?: string;
  tableColumn?: string;
  kind: LinkKind;
  /** The URL's characters in the file (UTF-16 offsets), which a fix rewrites. */
  span: SourceSpan;
}

export interface LinkReport extends CheckOutcome {
  redirects: RedirectHop[];
  occurrences: OccurrenceReport[];
  elapsedMs: number;
  checkedBy: CheckedBy;
  /** Why the GitHub or Hugging Face API could not vouch for the link, so HTTP decided (`reason: detail`). */
  apiFallback?: string;
  github?: {
    fullName: string;
    stars: number;
    forks: number;
    archived: boolean;
    pushedAt: string | null;
    license: string | null;
    starsDelta7d?: number;
    starsDelta30d?: number;
  };
  huggingface?: {
    id: string;
    kind: 'model' | 'dataset' | 'space';
    likes: number;
    downloads: number | null;
    gated: boolean | 'auto' | 'manual';
    disabled: boolean;
    lastModified: string | null;
    likesDelta30d?: number;
  };
  history?: HistorySummary;
}

export interface FindingReport {
  code: LintCode;
  message: string;
  file: string;
  line: number;
  column: number;
  url?: string;
  fix?: { span: SourceSpan; replacement: string };
}

export interface RunStats {
  elapsedMs: number;
  /** HTTP requests to the links themselves, and to the probe URLs. */
  httpRequests: number;
  graphqlRequests: number;
  githubRestRequests: number;
  hubRequests: number;
  /** Dead links looked up in the Wayback Machine in this run. */
  waybackRequests: number;
  /** Dead links whose Wayback answer was remembered from a run in the last 30 days (not asked again). */
  waybackRemembered: number;
  /** URLs checked only to test a suggestion (the https:// forms of http:// links, corrected markdown URLs); not in `summary` or `links`. */
  probeUrls: number;
}
