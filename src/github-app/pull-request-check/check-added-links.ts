import type { CheckOptions } from '../../check/check-options.js';
import type { CheckResult } from '../../check/check-result.js';
import type { RepoConfig } from '../../config/repo-config.js';
import type { HttpClient } from '../../http/http-client.js';
import { checkLinks, type CheckLinksDeps } from '../../pipeline/check-links.js';
import { addedLinks, type AddedLinks } from './added-links.js';
import type { PullCatalogFiles } from './read-pull-catalog-files.js';
import { renderCheckOutput, type CheckOutput } from './render-check-output.js';

export interface AddedLinksDeps {
  http: HttpClient;
  env: Readonly<Record<string, string | undefined>>;
  now: () => Date;
  /** For GitHub repository links through GraphQL; without it they are checked over HTTP. */
  github?: CheckLinksDeps['github'];
  /** Checker settings; by default the repository's `timeoutMs`. */
  check?: CheckOptions;
}

/** The links a pull request adds, each one's verdict, and the check's output (conclusion, summary, annotations). */
export interface AddedLinksCheck {
  added: AddedLinks;
  results: Map<string, CheckResult>;
  output: CheckOutput;
}

/**
 * Checks only the links the pull request adds or changes in its catalog files, once: what the
 * app's check run and the Action's annotations both show. Nothing is recorded in history.
 */
export async function checkAddedLinks(files: PullCatalogFiles, config: RepoConfig, deps: AddedLinksDeps): Promise<AddedLinksCheck> {
  const added = addedLinks(files.head, files.base);
  const checks = await checkLinks(
    [...added.occurrencesByUrl.keys()],
    { check: deps.check ?? { timeoutMs: config.timeoutMs }, exclude: config.exclude.map((source) => new RegExp(source)) },
    { http: deps.http, env: deps.env, now: deps.now, ...(deps.github && { github: deps.github }) },
  );
  const results = new Map([...checks.links].map(([url, link]) => [url, link.result] as const));
  const output = renderCheckOutput(added.occurrencesByUrl, results, added.findings, checks.conclusive ? undefined : (checks.inconclusiveReason ?? 'offline'));
  return { added, results, output };
}
