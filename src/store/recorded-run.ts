import type { LinkOccurrence } from '../catalog/link-occurrence.js';
import type { CheckResult } from '../check/check-result.js';

/** Where a link was written in this run: enough for history to say "README.md:42, Datasets › MedQA". */
export type OccurrencePlace = Pick<LinkOccurrence, 'file' | 'line' | 'column' | 'section' | 'entry' | 'tableColumn'>;

/**
 * One distinct URL's check in a run, with every place it appears (a `CheckResult` plus occurrences
 * fits) and what the API said about the repository it points at, if any. Several URLs may point at
 * one repository (a deep link and the repository itself); its snapshot is stored once per run.
 */
export type RecordedResult = Pick<
  CheckResult,
  'url' | 'verdict' | 'reason' | 'detail' | 'httpStatus' | 'finalUrl' | 'suggestion' | 'elapsedMs'
> & {
  occurrences: readonly OccurrencePlace[];
  github?: GithubSnapshot | null;
  huggingface?: HuggingfaceSnapshot | null;
};

/** What the GitHub API said about one repository in this run (the metadata stage's facts fit). */
export interface GithubSnapshot {
  /** `owner/name` as the API returns it now (after a rename, the new name). */
  fullName: string;
  /** Stable across renames and transfers; lets trends follow a renamed repository. */
  databaseId?: number | null;
  stars: number;
  forks: number;
  archived: boolean;
  disabled: boolean;
  private: boolean;
  pushedAt?: Date | string | null;
  license?: string | null;
  description?: string | null;
}

/** What the Hugging Face Hub said about one model, dataset or space in this run. */
export interface HuggingfaceSnapshot {
  /** `owner/name` (or a legacy `name`) as the Hub returns it. */
  id: string;
  kind: 'model' | 'dataset' | 'space';
  likes: number;
  /** Absent for spaces, which the Hub does not count downloads for. */
  downloads?: number | null;
  /** The Hub's `gated`: `false`, `"auto"` or `"manual"`. */
  gated: boolean | 'auto' | 'manual';
  disabled: boolean;
  private: boolean;
  lastModified?: Date | string | null;
}

/** One run of one catalog, as the orchestrator hands it to `recordRun`. */
export interface RecordedRun {
  /** Which catalog the run checked; history is scoped by it: `git:github.com/owner/repo:README.md`, `github:owner/repo`. */
  catalog: string;
  startedAt: Date;
  finishedAt: Date;
  /** False when the checker itself was cut off (offline, API down): its failures are not evidence. */
  conclusive: boolean;
  /** One per distinct URL. */
  results: readonly RecordedResult[];
}
