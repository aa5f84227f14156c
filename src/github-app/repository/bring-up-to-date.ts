import type { Tick } from '../report-issue/report-checkboxes.js';
import type { RepoRunRecord } from '../state/repo-memory.js';
import { readCatalogFiles, type CatalogFiles } from './read-catalog-files.js';
import type { RepoRunOutcome } from './run-repository.js';
import { updateGithub, type RepoSession } from './update-github.js';

export interface BringUpToDateOptions {
  detail: string;
  /** The files as just read for the run; otherwise read again at the run's commit. */
  files?: CatalogFiles;
  ticks?: readonly Tick[];
  tickedBy?: string;
}

/** Runs the GitHub steps for a recorded run and says whether all of them succeeded. */
export async function bringUpToDate(session: RepoSession, record: RepoRunRecord, options: BringUpToDateOptions): Promise<RepoRunOutcome> {
  const { octokit, target, rt } = session;
  const files = options.files ?? (await readCatalogFiles(octokit, { owner: target.owner, repo: target.repo, sha: record.headSha }, record.config.files));
  const problems = [...files.problems];
  if (record.config.allowPrivateNetworks && !rt.allowPrivateNetworks) {
    problems.push('`allowPrivateNetworks: true` is ignored: this linkmedic server does not allow checking private addresses.');
  }
  const update = await updateGithub(session, record, files.files, {
    problems,
    ...(options.ticks && { ticks: options.ticks }),
    ...(options.tickedBy && { tickedBy: options.tickedBy }),
  });
  // Steps refused because the lease was lost are not this run's failures: the run ends with the reason.
  session.signal?.throwIfAborted();
  return {
    status: update.failures.length === 0 ? 'done' : 'partial',
    runId: record.runId,
    detail: [options.detail, ...update.failures].join('; '),
  };
}
