/**
 * What the GitHub API says about a repository, per link. The store snapshots it per run (stars
 * deltas come from there) and the report prints it.
 */
export interface GithubFacts {
  /** `owner/name` as it is now (after a rename or transfer). */
  fullName: string;
  stars: number;
  forks: number;
  archived: boolean;
  disabled: boolean;
  private: boolean;
  /** ISO-8601 time of the last push; null for an empty repository. */
  pushedAt: string | null;
  /** SPDX id (`MIT`, `NOASSERTION` for unrecognised text), else the licence name; null when none. */
  license: string | null;
  description: string | null;
  /** Stable across renames: the store compares it to tell a rename from a new repo at an old name. */
  databaseId: number | null;
}
