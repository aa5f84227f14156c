import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LinkmedicError } from '../errors.js';
import { describeGithubError } from '../github-app/github/request-status.js';
import { checkRepository } from '../github-app/repository/check-repository.js';
import { readCatalogFiles } from '../github-app/repository/read-catalog-files.js';
import { toRepoTarget, type RestRepository } from '../github-app/repository/repo-target.js';
import { updateGithub, type GithubUpdate } from '../github-app/repository/update-github.js';
import type { RepoRunRecord } from '../github-app/state/repo-memory.js';
import { openWasmStore } from '../store/open-wasm-store.js';
import type { ActionContext, ActionResult } from './action-context.js';
import { ActionRuntime } from './action-runtime.js';
import { HISTORY_FILE } from './history-branch.js';
import { readHistoryBranch } from './read-history-branch.js';
import { renderRunSummary, type RunSummaryFacts } from './render-run-summary.js';
import { resolveBotLogin } from './resolve-bot-login.js';
import { writeHistoryBranch } from './write-history-branch.js';
import { writeSummary } from './workflow-commands.js';

/**
 * The nightly run (`schedule`, `workflow_dispatch`) with what the app does every night, through
 * the app's own steps: the history is fetched from its branch, the catalog checked and recorded,
 * dead-link issues, the fix pull request and the report issue brought up to date, and the
 * history committed back. A step that fails on GitHub fails the job, after the others ran.
 */
export async function runScheduled(ctx: ActionContext): Promise<ActionResult> {
  const { settings, octokit, log } = ctx;
  const { owner, repo, historyBranch: branch } = settings;
  const { data: repository } = await octokit.rest.repos.get({ owner, repo });
  const target = toRepoTarget(0, repository as RestRepository);
  if (branch === target.defaultBranch) throw new LinkmedicError('USAGE', `the history branch cannot be the default branch (${branch})`, 'set history-branch to a branch of its own');
  if (target.archived) {
    log.info('the repository is archived: nothing is checked or written');
    return { outputs: { dead: 0, 'report-url': '' }, failed: false };
  }
  const botLogin = await resolveBotLogin(octokit);
  const where = { owner, repo, branch };
  const file = path.join(settings.tempDir, 'linkmedic', HISTORY_FILE);
  const head = await readHistoryBranch(octokit, where, file);
  log.info(head ? `history read from ${branch} at ${head.sha.slice(0, 7)}` : `no ${branch} branch yet: starting a new history`);

  const store = await openWasmStore({ path: file, now: ctx.now });
  const rt = new ActionRuntime(store, log, ctx.env, true, ctx.now);
  let record: RepoRunRecord | undefined;
  let update: GithubUpdate | undefined;
  let thrown: unknown;
  let problems: string[] = [];
  try {
    const { data: main } = await octokit.rest.repos.getBranch({ owner, repo, branch: target.defaultBranch });
    const files = await readCatalogFiles(octokit, { owner, repo, sha: main.commit.sha }, settings.config.files);
    problems = files.problems;
    record = await checkRepository(rt, target, { octokit, headSha: main.commit.sha, config: settings.config, files: files.files });
    log.info(`checked ${record.report.summary.total} links of ${files.files.length} files at ${main.commit.sha.slice(0, 7)}`);
    update = await updateGithub({ rt, octokit, target, botLogin }, record, files.files, { problems });
  } catch (error) {
    thrown = error;
  } finally {
    await store.close();
  }
  // A recorded run is saved even when GitHub could not be brought up to date: its streaks count.
  if (!record) throw thrown;

  const history: RunSummaryFacts['history'] = { branch, maxDepth: settings.historyDepth };
  try {
    const saved = await writeHistoryBranch(octokit, where, {
      bytes: readFileSync(file),
      ...(head && { head }),
      maxDepth: settings.historyDepth,
      title: `linkmedic: run ${record.runId} of ${owner}/${repo} at ${main7(record.headSha)}`,
    });
    Object.assign(history, saved);
  } catch (error) {
    history.error = error instanceof LinkmedicError ? error.message : describeGithubError(error);
  }
  if (!update) throw thrown;
  const failures = [...update.failures, ...(history.error ? [`The history could not be saved: ${history.error}`] : [])];
  for (const failure of failures) log.error(failure);
  writeSummary(settings.summaryPath, renderRunSummary({ report: record.report, update, repoUrl: target.htmlUrl, history, problems }));
  return {
    outputs: {
      dead: record.report.links.filter((link) => link.history?.confirmedDead).length,
      'report-url': update.report?.number ? `${target.htmlUrl}/issues/${update.report.number}` : '',
    },
    failed: failures.length > 0,
  };
}

const main7 = (sha: string): string => sha.slice(0, 7);
