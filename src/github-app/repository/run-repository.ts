import { githubCatalogKey } from '../../store/catalog-key.js';
import { ensureOnboarding, type OnboardingState } from '../onboarding/ensure-onboarding.js';
import type { AppRuntime } from '../runtime/app-runtime.js';
import { bringUpToDate } from './bring-up-to-date.js';
import { checkRepository } from './check-repository.js';
import { isDue } from './is-due.js';
import { readCatalogFiles } from './read-catalog-files.js';
import { readRepoConfig } from './read-repo-config.js';
import { reportConfigProblem } from './report-config-problem.js';
import { repoKey, type RepoTarget } from './repo-target.js';
import type { RepoSession } from './update-github.js';

/** Why the repository is being run. */
export type RunTrigger =
  /** The nightly pass: `schedule` in the config decides whether it is due. */
  | 'schedule'
  /** A person asked (`linkmedic run --repo`, a ticked box without a recorded run): always runs. */
  | 'manual'
  /** `.github/linkmedic.yml` just appeared (the onboarding pull request was merged). */
  | 'config_added';

/** How one repository's run ended. */
export type RepoRunStatus =
  /** Checked (or a recorded run reused) and GitHub fully brought up to date. */
  | 'done'
  /** Checked and recorded, but a GitHub step failed: retried from the recorded run. */
  | 'partial'
  /** No configuration: onboarding handled, nothing checked. */
  | 'unconfigured'
  /** The configuration is invalid: the maintainer was told, nothing checked. */
  | 'invalid_config'
  /** The configured schedule says not tonight. */
  | 'not_due';

export interface RepoRunOutcome {
  status: RepoRunStatus;
  runId?: number;
  onboarding?: OnboardingState;
  /** One line for logs and the pass record. */
  detail: string;
}

/**
 * One repository from the default branch's head to an up-to-date GitHub: config, files, check,
 * record, then the GitHub steps. With `pass`, a run recorded earlier in the same pass is reused
 * instead of checked again, so a retried or resumed repository never checks twice or writes twice.
 * Counted in `/metrics` by how it ended, with its duration.
 */
export async function runRepository(rt: AppRuntime, target: RepoTarget, options: RunOptions): Promise<RepoRunOutcome> {
  const ended = rt.metrics.startRun();
  try {
    const outcome = await run(rt, target, options);
    ended(outcome.status);
    return outcome;
  } catch (error) {
    ended('failed');
    throw error;
  }
}

type RunOptions = { trigger: RunTrigger; pass?: { id: number }; signal?: AbortSignal };

async function run(rt: AppRuntime, target: RepoTarget, options: RunOptions): Promise<RepoRunOutcome> {
  const session: RepoSession = {
    rt,
    target,
    octokit: await rt.installation(target.installationId, options.signal),
    botLogin: await rt.botLogin(),
    ...(options.signal && { signal: options.signal }),
  };
  const key = repoKey(target);
  const recordedRunId = options.pass ? (await rt.passes.repo(options.pass.id, key))?.runId : undefined;
  const recorded = recordedRunId === undefined ? undefined : await rt.memory.run(recordedRunId);
  if (recorded) return bringUpToDate(session, recorded, { detail: 'reused the run recorded earlier in this pass' });
  // A run an attempt recorded but died before saving the app's record of (nothing was done with
  // it): this attempt's run replaces it, so the night counts once towards every link's streak.
  if (recordedRunId !== undefined) await rt.store.discardRun(recordedRunId);

  const { owner, repo } = target;
  const { octokit } = session;
  const { data: branch } = await octokit.rest.repos.getBranch({ owner, repo, branch: target.defaultBranch });
  const headSha = branch.commit.sha;
  const config = await readRepoConfig(octokit, { owner, repo, ref: headSha });
  if (config.kind === 'missing' && target.fork) return { status: 'unconfigured', detail: 'a fork without .github/linkmedic.yml: left alone' };
  if (config.kind === 'missing') {
    const onboarding = await ensureOnboarding({ octokit, owner, repo, defaultBranch: target.defaultBranch, headSha, botLogin: session.botLogin });
    return { status: 'unconfigured', onboarding, detail: `no .github/linkmedic.yml; onboarding ${onboarding}` };
  }
  if (config.kind === 'invalid') {
    await reportConfigProblem(session, config.message, headSha);
    return { status: 'invalid_config', detail: config.message };
  }
  const catalog = githubCatalogKey(`${owner}/${repo}`);
  if (options.trigger === 'schedule' && !isDue(config.config.schedule, (await rt.store.latestRuns(catalog, 1))[0]?.startedAt, rt.now())) {
    return { status: 'not_due', detail: `schedule: ${config.config.schedule}` };
  }

  const files = await readCatalogFiles(octokit, { owner, repo, sha: headSha }, config.config.files);
  const record = await checkRepository(rt, target, { octokit, headSha, config: config.config, files: files.files, ...(options.pass && { pass: options.pass }), ...(options.signal && { signal: options.signal }) });
  return bringUpToDate(session, record, { detail: `checked ${record.report.summary.total} links`, files });
}
