import type { MarkdownFile } from '../../catalog/read-markdown-files.js';
import type { RepoConfig } from '../../config/repo-config.js';
import { checkCatalog } from '../../pipeline.js';
import { githubCatalogKey } from '../../store/catalog-key.js';
import { deadRules } from '../../store/dead-rules.js';
import { asMetadataClient } from '../github/as-metadata-client.js';
import type { GithubClient } from '../repo-run.js';
import { notePassRun } from '../state/pass-log.js';
import type { RepoRunRecord } from '../state/repo-memory.js';
import { repoKey, type RepoTarget } from './repo-target.js';
import type { StepRuntime } from './step-runtime.js';

export interface RepositoryCheck {
  octokit: GithubClient;
  /** The default branch's head commit the files were read at. */
  headSha: string;
  config: RepoConfig;
  files: readonly MarkdownFile[];
  /** The nightly pass this run belongs to: the record is marked checked in it, in one transaction. */
  pass?: { id: number };
  /** The repository lease's signal: a run whose lease was lost records nothing for the GitHub steps. */
  signal?: AbortSignal;
}

/**
 * Checks one repository's catalog files and records the run: the history, then the record the
 * GitHub steps work from. Both are stored before anything is written to GitHub, so a retry from
 * there reuses this run instead of checking again.
 */
export async function checkRepository(rt: StepRuntime, target: Pick<RepoTarget, 'owner' | 'repo'>, input: RepositoryCheck): Promise<RepoRunRecord> {
  const { config, octokit } = input;
  const http = rt.httpFor(config.allowPrivateNetworks);
  let record: RepoRunRecord;
  try {
    const catalogRun = await checkCatalog(
      [...input.files],
      {
        catalog: githubCatalogKey(`${target.owner}/${target.repo}`),
        check: { ...rt.check, timeoutMs: config.timeoutMs },
        exclude: config.exclude.map((source) => new RegExp(source)),
        deadRules: deadRules(config.deadAfter),
      },
      {
        http, store: rt.store, env: rt.env, now: rt.now, ...(rt.sleep && { sleep: rt.sleep }), github: { client: asMetadataClient(octokit) },
        ...(rt.metrics && { onHubRateLimit: (limit) => rt.metrics?.observeHubRateLimit(limit) }),
        ...(input.pass && { recordWithin: (tx, runId) => notePassRun(tx, { id: input.pass!.id, now: rt.now() }, repoKey(target), runId) }),
      },
    );
    rt.metrics?.countLinks(catalogRun.report.summary);
    record = { runId: catalogRun.runId, repo: repoKey(target), headSha: input.headSha, config, report: catalogRun.report };
  } finally {
    await http.close();
  }
  // Stored before anything is written to GitHub: a retry from here on reuses this run. A run whose
  // lease was lost meanwhile is left to the process that took it.
  input.signal?.throwIfAborted();
  await rt.memory.saveRun(record, input.pass && { id: input.pass.id, now: rt.now() });
  return record;
}
