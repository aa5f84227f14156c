import type { HubRepoKind } from './parse-hugging-face-url.js';

/** What the Hugging Face Hub API says about a repository, per link (snapshotted by the store). */
export interface HubFacts {
  /** `namespace/name` as it is now (after a rename or transfer). */
  id: string;
  kind: HubRepoKind;
  likes: number;
  /** Downloads over the last 30 days; null for Spaces, which have none. */
  downloads: number | null;
  /** Access-request mode: `auto` approves requests, `manual` needs the owners. */
  gated: false | 'auto' | 'manual';
  disabled: boolean;
  private: boolean;
  /** ISO-8601 time of the last commit. */
  lastModified: string | null;
}
