import type { Logger } from 'probot';
import type { CheckOptions } from '../../check/check-options.js';
import { LinkmedicError } from '../../errors.js';
import type { RepoConfig } from '../../config/repo-config.js';
import type { HttpClient } from '../../http/http-client.js';
import type { CheckLinksDeps } from '../../pipeline/check-links.js';
import type { GithubClient } from '../repo-run.js';
import { checkAddedLinks } from './check-added-links.js';
import { CHECK_NAME, publishCheckRun } from './publish-check-run.js';
import { readPullCatalogFiles } from './read-pull-catalog-files.js';
import type { CheckConclusion, CheckOutput } from './render-check-output.js';

export interface PullRequestCheckInput {
  /** The installation's client (from the webhook's context). */
  octokit: GithubClient;
  owner: string;
  repo: string;
  /** The webhook's `pull_request`: only these members are read. */
  pull: { number: number; head: { sha: string }; base: { sha: string } };
  config: RepoConfig;
  /** The shared outbound HTTP client (private-address guard as the repository's config says). */
  http: HttpClient;
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
  log: Logger;
  /** For GitHub repository links through GraphQL; without it they are checked over HTTP. */
  github?: CheckLinksDeps['github'];
  /** Checker settings; by default the repository's `timeoutMs`. */
  check?: CheckOptions;
}

/** What the pull request check did. */
export type PullRequestCheckOutcome =
  /** The pull request touches no file the repository's `files` globs select: no check run. */
  | { status: 'not_catalog' }
  /** A `linkmedic` check run was created and completed on the head commit. */
  | { status: 'completed'; checkRunId: number; conclusion: CheckConclusion; addedLinks: number; annotations: number };

/**
 * The `pull_request` (opened, synchronize) check: checks only the links the pull request adds or
 * changes in catalog files and reports them as a `linkmedic` check run with line annotations.
 * It records nothing in the nightly history: a pull request's links are not the catalog's yet.
 */
export async function checkPullRequest(input: PullRequestCheckInput): Promise<PullRequestCheckOutcome> {
  const { octokit, owner, repo, pull, config } = input;
  const now = input.now ?? (() => new Date());
  const files = await readPullCatalogFiles(octokit, { owner, repo }, pull, config.files);
  if (files.head.length === 0) return { status: 'not_catalog' };

  const created = await octokit.rest.checks.create({ owner, repo, name: CHECK_NAME, head_sha: pull.head.sha, status: 'in_progress', started_at: now().toISOString() });
  const checkRunId = created.data.id;
  let output: CheckOutput;
  let added: number;
  try {
    const checked = await checkAddedLinks(files, config, { http: input.http, env: input.env ?? process.env, now, ...(input.github && { github: input.github }), ...(input.check && { check: input.check }) });
    output = checked.output;
    added = checked.added.occurrencesByUrl.size;
  } catch (error) {
    // A check run left "in progress" would block merging where it is required; end it, then report.
    const failed = { conclusion: 'neutral' as const, title: 'linkmedic could not check the links', summary: `The check failed: ${(error as Error).message}`, annotations: [] };
    await publishCheckRun(octokit, { owner, repo, checkRunId }, failed, now());
    throw new LinkmedicError('INTERNAL', `checking the links of ${owner}/${repo}#${pull.number} failed: ${(error as Error).message}`, undefined, { cause: error });
  }
  await publishCheckRun(octokit, { owner, repo, checkRunId }, output, now());
  input.log.info({ repo: `${owner}/${repo}`, pull: pull.number, conclusion: output.conclusion, added }, 'pull request checked');
  return { status: 'completed', checkRunId, conclusion: output.conclusion, addedLinks: added, annotations: output.annotations.length };
}
