import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { repoConfigSchema, type RepoConfig } from '../config/repo-config.js';
import { LinkmedicError } from '../errors.js';
import { ACTION_INPUTS, CONFIG_INPUTS, inputVariable, LIST_INPUTS, type ActionInput } from './action-inputs.js';

/** The events the Action acts on; anything else is a workflow mistake, said so. */
export type ActionEvent =
  /** Check the links a pull request adds: annotations, a summary, failure when one is dead. */
  | 'pull_request'
  /** The same check, from a workflow that runs in the base repository's context. */
  | 'pull_request_target'
  /** The nightly run: history, dead-link issues, the fix pull request, the report issue. */
  | 'schedule'
  /** The nightly run, started by hand. */
  | 'workflow_dispatch';

const EVENTS = ['pull_request', 'pull_request_target', 'schedule', 'workflow_dispatch'] as const satisfies readonly ActionEvent[];

/** What the runner sets for every JavaScript action (documented variables; only those read). */
const runnerSchema = z.object({
  GITHUB_EVENT_NAME: z.string().min(1),
  GITHUB_EVENT_PATH: z.string().min(1),
  GITHUB_REPOSITORY: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/name'),
  GITHUB_API_URL: z.url().default('https://api.github.com'),
  GITHUB_SERVER_URL: z.url().default('https://github.com'),
  GITHUB_OUTPUT: z.string().min(1),
  GITHUB_STEP_SUMMARY: z.string().min(1),
  RUNNER_TEMP: z.string().min(1),
  GITHUB_RUN_ID: z.string().regex(/^\d+$/).optional(),
  GITHUB_RUN_ATTEMPT: z.string().regex(/^\d+$/).optional(),
});

const actionInputsSchema = z.strictObject({
  'github-token': z.string({ error: 'required (its default is the workflow token, `${{ github.token }}`)' }),
  'history-branch': z.string().regex(/^(?!refs\/|-)[\w./-]+$/, 'not a branch name').default('linkmedic-history'),
  'history-depth': z.coerce.number().int().min(1).max(1000).default(30),
});

export interface ActionSettings {
  event: ActionEvent;
  eventPath: string;
  owner: string;
  repo: string;
  /** REST base (`https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise Server). */
  apiUrl: string;
  outputPath: string;
  summaryPath: string;
  tempDir: string;
  /** This workflow run's page, where the job summary is shown (absent outside a runner). */
  runUrl?: string;
  token: string;
  historyBranch: string;
  historyDepth: number;
  config: RepoConfig;
}

type Env = Readonly<Record<string, string | undefined>>;

const invalid = (problems: string[]): LinkmedicError =>
  new LinkmedicError('CONFIG_INVALID', `linkmedic's inputs are invalid: ${problems.join('; ')}`, "see the GitHub Action's inputs in linkmedic's README");

/**
 * An input's text as the config key's value: YAML (`{ runs: 2, hours: 24 }`, `true`, `15000`, a
 * list), or for list inputs also one item per line, so `!**\/CHANGELOG.md` needs no YAML quoting.
 */
function inputValue(input: string, text: string): unknown {
  if (LIST_INPUTS.has(input) && !/^\s*(?:\[|- )/.test(text)) {
    return text.split('\n').map((line) => line.trim()).filter(Boolean);
  }
  try {
    return parseYaml(text);
  } catch (error) {
    throw invalid([`${input}: not valid YAML (${(error as Error).message.split('\n')[0]})`]);
  }
}

/**
 * Reads the runner's variables and the step's inputs. Inputs are validated like the configuration
 * file: an unknown input (a typo, or `schedule`) or a bad value stops the step with its name.
 */
export function readActionSettings(env: Env): ActionSettings {
  const runner = runnerSchema.safeParse(env);
  if (!runner.success) {
    const problems = runner.error.issues.map((issue) => `${issue.path.join('.')}: ${env[String(issue.path[0])] === undefined ? 'not set' : issue.message}`);
    throw new LinkmedicError('USAGE', `not run as a GitHub Action step: ${problems.join('; ')}`);
  }
  const vars = runner.data;
  const event = EVENTS.find((name) => name === vars.GITHUB_EVENT_NAME);
  if (!event) {
    throw new LinkmedicError('USAGE', `linkmedic does not act on ${vars.GITHUB_EVENT_NAME} events`, `run it on ${EVENTS.join(', ')}`);
  }

  const known = new Map<string, ActionInput>([...CONFIG_INPUTS, ...(Object.keys(ACTION_INPUTS) as ActionInput[])].map((input) => [inputVariable(input), input]));
  const given = Object.entries(env).filter(([name, value]) => name.startsWith('INPUT_') && value !== undefined && value.trim() !== '');
  const unknown = given.filter(([name]) => !known.has(name)).map(([name]) => name.slice('INPUT_'.length).toLowerCase());
  if (unknown.length > 0) {
    const hint = unknown.includes('schedule') ? ' (the workflow\'s `on: schedule` says when linkmedic runs)' : '';
    throw invalid([`unknown input${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}${hint}`]);
  }
  const config: Record<string, unknown> = {};
  const action: Record<string, string> = {};
  for (const [name, value] of given) {
    const input = known.get(name)!;
    if (input in ACTION_INPUTS) action[input] = value!.trim();
    else config[input] = inputValue(input, value!);
  }
  const parsedAction = actionInputsSchema.safeParse(action);
  const parsedConfig = repoConfigSchema.safeParse(config);
  const problems = [
    ...(parsedAction.success ? [] : parsedAction.error.issues),
    ...(parsedConfig.success ? [] : parsedConfig.error.issues),
  ].map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(inputs)'}: ${issue.message}`);
  if (problems.length > 0 || !parsedAction.success || !parsedConfig.success) throw invalid(problems);

  const [owner, repo] = vars.GITHUB_REPOSITORY.split('/') as [string, string];
  const runUrl = vars.GITHUB_RUN_ID && `${vars.GITHUB_SERVER_URL.replace(/\/$/, '')}/${owner}/${repo}/actions/runs/${vars.GITHUB_RUN_ID}${vars.GITHUB_RUN_ATTEMPT ? `/attempts/${vars.GITHUB_RUN_ATTEMPT}` : ''}`;
  return {
    event,
    eventPath: vars.GITHUB_EVENT_PATH,
    owner,
    repo,
    apiUrl: vars.GITHUB_API_URL.replace(/\/$/, ''),
    outputPath: vars.GITHUB_OUTPUT,
    summaryPath: vars.GITHUB_STEP_SUMMARY,
    tempDir: vars.RUNNER_TEMP,
    ...(runUrl && { runUrl }),
    token: parsedAction.data['github-token'],
    historyBranch: parsedAction.data['history-branch'],
    historyDepth: parsedAction.data['history-depth'],
    config: parsedConfig.data,
  };
}
