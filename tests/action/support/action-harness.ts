import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction } from '../../../src/action/run-action.js';
import type { ActionEvent } from '../../../src/action/action-settings.js';
import type { GithubPacing } from '../../../src/github-app/github/create-app-octokit.js';
import { startFakeGitHub, workflowToken, type FakeGitHub } from '../../support/fake-github/index.js';
import type { Permissions } from '../../support/fake-github/state/types.js';
import { createFakeGithubApi, type FakeGithubApi, type FakeGithubApiOptions } from '../../support/fake-github-api/fake-github-api.js';
import { startFakeHub, type RunningFakeHub } from '../../support/fake-hub/fake-hub.js';
import { startFakeWayback, type RunningFakeWayback } from '../../support/fake-wayback/fake-wayback.js';
import { startSimulatedWeb, startTestProxy, type SimulatedWeb, type TestProxy } from '../../support/simulated-web/index.js';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const BUNDLE = path.join(ROOT, 'dist-action/index.mjs');
export const ACTIONS_BOT = 'github-actions[bot]';
/** The Node that runs the bundle: this one, or another (e.g. the runner's Node 24) named in LINKMEDIC_ACTION_NODE. */
export const ACTION_NODE = process.env.LINKMEDIC_ACTION_NODE || process.execPath;

/** GitHub's pacing scaled down a thousandfold: same code paths, milliseconds instead of seconds. */
const TEST_PACING: GithubPacing = { writeIntervalMs: 0, notificationIntervalMs: 0, retryAfterUnitMs: 1, maxRateLimitWaitSeconds: 3600 };

/** What a workflow's `permissions:` block gives the scheduled run (contents, issues, pull requests: write). */
export const WRITE_PERMISSIONS: Permissions = { contents: 'write', issues: 'write', pull_requests: 'write' };
export const READ_PERMISSIONS: Permissions = { contents: 'read', pull_requests: 'read' };

/** One step's run: exit code, the log, and the files the runner reads back. */
export interface StepRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface StepOptions {
  event: ActionEvent;
  /** The event payload (`GITHUB_EVENT_PATH`). */
  payload?: unknown;
  /** `with:` of the step, by input name. */
  inputs?: Record<string, string>;
  token: string;
  /** Run `dist-action/index.mjs` with this Node binary instead of calling `runAction` in-process. */
  bundle?: { node: string };
}

/**
 * The Action against the stateful fake GitHub (started as the GitHub Actions app, so its tokens
 * act as `github-actions[bot]`), with link targets on the simulated web reached through a proxy
 * the way a runner behind a corporate proxy reaches the web, and the Hub and Wayback fakes.
 * Each step gets the variables a runner sets, fresh `GITHUB_OUTPUT`/`GITHUB_STEP_SUMMARY` files
 * and its own `RUNNER_TEMP`, as each job on a hosted runner does.
 */
export interface ActionHarness {
  fake: FakeGitHub;
  githubApi: FakeGithubApi;
  web: SimulatedWeb;
  hub: RunningFakeHub;
  wayback: RunningFakeWayback;
  proxy: TestProxy;
  now(): Date;
  setNow(at: Date): void;
  token(fullName: string, permissions: Permissions): Promise<string>;
  step(fullName: string, options: StepOptions): Promise<StepRun>;
  close(): Promise<void>;
}

/** `name<<delimiter\nvalue\ndelimiter` blocks (and `name=value` lines), as the runner reads them. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (/^[\w-]+=/.test(lines[i]!)) {
      const [name, ...value] = lines[i]!.split('=');
      outputs[name!] = value.join('=');
    }
  }
  return outputs;
}

export async function startActionHarness(options: { start: Date; githubApi?: FakeGithubApiOptions }): Promise<ActionHarness> {
  let clock = options.start;
  const web = await startSimulatedWeb();
  const proxy = await startTestProxy(web.lookup);
  const hub = await startFakeHub();
  const wayback = await startFakeWayback();
  let fake: FakeGitHub | undefined;
  const githubApi = createFakeGithubApi({ ...options.githubApi, viewerOf: (token) => fake?.viewerOf(token) });
  fake = await startFakeGitHub({ now: () => clock, appSlug: 'github-actions', extraHandlers: [githubApi.handler] });
  const started = fake;
  let runs = 0;

  async function step(fullName: string, { event, payload = {}, inputs = {}, token, bundle }: StepOptions): Promise<StepRun> {
    runs += 1;
    const dir = mkdtempSync(path.join(tmpdir(), 'linkmedic-action-'));
    const files = { event: path.join(dir, 'event.json'), output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md'), temp: path.join(dir, 'runner-temp') };
    writeFileSync(files.event, JSON.stringify(payload));
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    const env: Record<string, string> = {
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_REPOSITORY: fullName,
      GITHUB_API_URL: started.baseUrl,
      GITHUB_SERVER_URL: started.origin,
      GITHUB_GRAPHQL_URL: `${started.origin}/api/graphql`,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_RUN_ID: String(9000 + runs),
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_TEMP: files.temp,
      'INPUT_GITHUB-TOKEN': token,
      'INPUT_HISTORY-BRANCH': 'linkmedic-history',
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1',
      NODE_EXTRA_CA_CERTS: web.caFile,
      HF_ENDPOINT: hub.url,
      WAYBACK_API_URL: wayback.url,
    };
    let code: number;
    let stdout = '';
    if (bundle) {
      ({ code, stdout } = await spawnBundle(bundle.node, env, dir));
    } else {
      code = await runAction(env, { write: (text) => void (stdout += text), now: () => clock, pacing: TEST_PACING });
    }
    return { code, stdout, outputs: parseOutputs(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8') };
  }

  return {
    fake: started,
    githubApi,
    web,
    hub,
    wayback,
    proxy,
    now: () => clock,
    setNow: (at) => {
      clock = at;
    },
    token: (fullName, permissions) => workflowToken(started, fullName, permissions),
    step,
    async close() {
      await Promise.all([started.close(), web.close(), hub.close(), wayback.close(), proxy.close()]);
    },
  };
}

/** The bundle as the runner starts it: `node dist-action/index.mjs`, with only the step's environment. */
function spawnBundle(node: string, env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [BUNDLE], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: stdout + stderr }));
  });
}
