/** A repository the app may work on, as the installation lists it. */
export interface RepoTarget {
  installationId: number;
  owner: string;
  repo: string;
  defaultBranch: string;
  archived: boolean;
  fork: boolean;
  /** False when the repository has issues turned off: no report and no dead-link issues there. */
  hasIssues: boolean;
  /** `https://github.com/owner/repo`, or the same on the GHE host. */
  htmlUrl: string;
}

/** The repository fields of GitHub's REST answers (listings and webhook payloads alike). */
export interface RestRepository {
  name: string;
  owner: { login: string };
  default_branch?: string;
  archived?: boolean;
  fork?: boolean;
  has_issues?: boolean;
  html_url: string;
}

export const toRepoTarget = (installationId: number, repository: RestRepository): RepoTarget => ({
  installationId,
  owner: repository.owner.login,
  repo: repository.name,
  defaultBranch: repository.default_branch ?? 'main',
  archived: repository.archived ?? false,
  fork: repository.fork ?? false,
  hasIssues: repository.has_issues ?? true,
  htmlUrl: repository.html_url,
});

/** The key the app's tables and locks use: GitHub names are case-insensitive. */
export const repoKey = (target: Pick<RepoTarget, 'owner' | 'repo'>): string => `${target.owner}/${target.repo}`.toLowerCase();

/** `https://github.com` for `https://github.com/owner/repo` (or the GHE origin). */
export const webOriginOf = (target: Pick<RepoTarget, 'htmlUrl'>): string => new URL(target.htmlUrl).origin;
