import { describe, expect, it } from 'vitest';
import { repoConfigSchema } from '../config/repo-config.js';
import { isLinkmedicError } from '../errors.js';
import { readActionSettings } from './action-settings.js';

const RUNNER = {
  GITHUB_EVENT_NAME: 'schedule',
  GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
  GITHUB_REPOSITORY: 'acme/awesome',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_OUTPUT: '/home/runner/work/_temp/_runner_file_commands/set_output_1',
  GITHUB_STEP_SUMMARY: '/home/runner/work/_temp/_runner_file_commands/step_summary_1',
  RUNNER_TEMP: '/home/runner/work/_temp',
  GITHUB_RUN_ID: '123',
  GITHUB_RUN_ATTEMPT: '2',
  'INPUT_GITHUB-TOKEN': 'ghs_workflowtoken',
  'INPUT_HISTORY-BRANCH': 'linkmedic-history',
  'INPUT_HISTORY-DEPTH': '30',
  // Declared inputs without a default reach the step as empty strings.
  INPUT_FILES: '',
  PATH: '/usr/bin',
};
const DEFAULTS = repoConfigSchema.parse({});

describe('readActionSettings: inputs are the configuration keys', () => {
  const cases: Array<[string, Record<string, string>, Partial<typeof DEFAULTS>]> = [
    ['nothing set: the configuration defaults', {}, DEFAULTS],
    ['files one per line, `!` needing no quotes', { INPUT_FILES: 'README.md\n  docs/**/*.md\n\n!docs/CHANGELOG.md\n' }, { files: ['README.md', 'docs/**/*.md', '!docs/CHANGELOG.md'] }],
    ['files as a YAML list', { INPUT_FILES: '- README.md\n- "!**/SECURITY.md"' }, { files: ['README.md', '!**/SECURITY.md'] }],
    ['exclude as a flow list', { INPUT_EXCLUDE: "['^https://web\\.archive\\.org/', '^mailto:']" }, { exclude: ['^https://web\\.archive\\.org/', '^mailto:'] }],
    ['a section as a flow map, its other keys defaulted', { INPUT_ISSUES: '{ maxNewPerRun: 3 }' }, { issues: { ...DEFAULTS.issues, maxNewPerRun: 3 } }],
    ['a section as a block map', { INPUT_DEADAFTER: 'runs: 2\nhours: 24\n' }, { deadAfter: { runs: 2, hours: 24 } }],
    ['numbers and booleans as YAML scalars', { INPUT_TIMEOUTMS: '15000', INPUT_ALLOWPRIVATENETWORKS: 'true' }, { timeoutMs: 15_000, allowPrivateNetworks: true }],
  ];
  it.each(cases)('%s', (_name, inputs, expected) => {
    const settings = readActionSettings({ ...RUNNER, ...inputs });
    expect(settings.config).toEqual({ ...DEFAULTS, ...expected });
    expect(settings).toMatchObject({ event: 'schedule', owner: 'acme', repo: 'awesome', token: 'ghs_workflowtoken', historyBranch: 'linkmedic-history', historyDepth: 30, runUrl: 'https://github.com/acme/awesome/actions/runs/123/attempts/2' });
  });
});

function refusal(env: Record<string, string | undefined>): string {
  try {
    readActionSettings(env);
  } catch (error) {
    if (isLinkmedicError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('accepted');
}

describe('readActionSettings refuses, naming the input', () => {
  const cases: Array<[string, Record<string, string | undefined>, string]> = [
    ['an unknown input', { INPUT_FILE: 'README.md' }, "CONFIG_INVALID: linkmedic's inputs are invalid: unknown input file"],
    ['schedule, which the workflow decides', { INPUT_SCHEDULE: 'weekly' }, "CONFIG_INVALID: linkmedic's inputs are invalid: unknown input schedule (the workflow's `on: schedule` says when linkmedic runs)"],
    ['a value out of range', { INPUT_TIMEOUTMS: '10' }, "CONFIG_INVALID: linkmedic's inputs are invalid: timeoutMs: Too small: expected number to be >=1000"],
    ['a typo inside a section', { INPUT_FIXES: '{ archives: true }' }, 'CONFIG_INVALID: linkmedic\'s inputs are invalid: fixes: Unrecognized key: "archives"'],
    ['YAML that does not parse', { INPUT_REPORT: '{ title: [unclosed' }, "CONFIG_INVALID: linkmedic's inputs are invalid: report: not valid YAML"],
    ['no token', { 'INPUT_GITHUB-TOKEN': undefined }, "CONFIG_INVALID: linkmedic's inputs are invalid: github-token: required (its default is the workflow token, `${{ github.token }}`)"],
    ['a history branch that is a ref, not a branch', { 'INPUT_HISTORY-BRANCH': 'refs/heads/x' }, "CONFIG_INVALID: linkmedic's inputs are invalid: history-branch: not a branch name"],
    ['an event it does not act on', { GITHUB_EVENT_NAME: 'push' }, 'USAGE: linkmedic does not act on push events'],
    ['outside a runner', { GITHUB_OUTPUT: undefined, RUNNER_TEMP: undefined }, 'USAGE: not run as a GitHub Action step: GITHUB_OUTPUT: not set; RUNNER_TEMP: not set'],
  ];
  it.each(cases)('%s', (_name, change, message) => {
    expect(refusal({ ...RUNNER, ...change })).toContain(message);
  });
});
