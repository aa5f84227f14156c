import { isLinkmedicError } from '../errors.js';
import type { GithubPacing } from '../github-app/github/create-app-octokit.js';
import { describeGithubError, requestStatus } from '../github-app/github/request-status.js';
import { createHttpClient } from '../http/create-http-client.js';
import type { ActionContext, ActionResult } from './action-context.js';
import { readActionSettings } from './action-settings.js';
import { createActionLog } from './create-action-log.js';
import { createActionOctokit } from './create-action-octokit.js';
import { runPullRequest } from './run-pull-request.js';
import { runScheduled } from './run-scheduled.js';
import { workflowCommand, writeOutputs } from './workflow-commands.js';

export interface ActionIo {
  /** The step's log (stdout): workflow commands and plain lines. */
  write: (text: string) => void;
  now?: () => Date;
  /** How GitHub writes are paced; GitHub's own numbers by default. */
  pacing?: GithubPacing;
}

function describeFailure(error: unknown): string {
  if (isLinkmedicError(error)) return `${error.message}${error.hint ? ` (${error.hint})` : ''}`;
  if (requestStatus(error) !== undefined) return `${describeGithubError(error)}${requestStatus(error) === 403 ? ' (does the workflow grant `permissions:` contents, issues and pull-requests write?)' : ''}`;
  return `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

/**
 * The GitHub Action's entry: reads what the runner gives (`env`: its variables and the step's
 * `INPUT_*`), runs the pull request check or the nightly run, writes the outputs, and resolves to
 * the step's exit code (0, or 1 when a dead link was added, a GitHub step failed, or it could not run).
 */
export async function runAction(env: Readonly<Record<string, string | undefined>>, io: ActionIo): Promise<number> {
  const now = io.now ?? (() => new Date());
  const log = createActionLog(io.write, env.RUNNER_DEBUG === '1');
  let result: ActionResult;
  let outputPath: string | undefined;
  try {
    const settings = readActionSettings(env);
    outputPath = settings.outputPath;
    // The API host is configuration, like a proxy: reached through the runner's proxy and CAs, unguarded.
    const apiHttp = createHttpClient({ env: { ...env }, allowPrivateNetworks: true });
    try {
      const octokit = createActionOctokit({ token: settings.token, baseUrl: settings.apiUrl, fetch: apiHttp.fetch, log, ...(io.pacing && { pacing: io.pacing }) });
      const ctx: ActionContext = { settings, octokit, log, write: io.write, env, now };
      result = settings.event === 'pull_request' || settings.event === 'pull_request_target' ? await runPullRequest(ctx) : await runScheduled(ctx);
    } finally {
      await apiHttp.close();
    }
  } catch (error) {
    io.write(`${workflowCommand('error', { title: 'linkmedic' }, describeFailure(error))}\n`);
    if (outputPath) writeOutputs(outputPath, { dead: 0, 'report-url': '' });
    return 1;
  }
  writeOutputs(outputPath, result.outputs);
  return result.failed ? 1 : 0;
}
