import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createProbot, ProbotOctokit, type Probot } from 'probot';
import { repoConfigSchema, type RepoConfigInput } from '../../../src/config/repo-config.js';
import { createHttpClient } from '../../../src/http/create-http-client.js';
import type { HttpClient } from '../../../src/http/http-client.js';
import { checkCatalog } from '../../../src/pipeline.js';
import type { GithubClient, RepoRun } from '../../../src/github-app/repo-run.js';
import { deadRules } from '../../../src/store/dead-rules.js';
import { openStore } from '../../../src/store/open-store.js';
import type { HistoryStore } from '../../../src/store/history-store.js';
import { createClients, startFakeGitHub, TestOctokit, type FakeGitHub } from '../../support/fake-github/index.js';
import { startFakeGithubApi, type RunningFakeGithubApi } from '../../support/fake-github-api/fake-github-api.js';
import { startFakeWayback, type RunningFakeWayback } from '../../support/fake-wayback/fake-wayback.js';
import { startSimulatedWeb, type SimulatedWeb } from '../../support/simulated-web/index.js';

export const DAY = 86_400_000;
export const UnthrottledOctokit = ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } });
export const BOT = 'linkmedic[bot]';

/**
 * One repository on the stateful fake GitHub, checked night after night by the real pipeline
 * (simulated web, fake GitHub API for repository facts, fake Wayback), with the history in a
 * SQLite file: each `night()` gives the `RepoRun` the app core would hand to the sync steps.
 */
export interface RepoRunHarness {
  fake: FakeGitHub;
  web: SimulatedWeb;
  githubApi: RunningFakeGithubApi;
  wayback: RunningFakeWayback;
  http: HttpClient;
  probot: Probot;
  octokit: GithubClient;
  fullName: string;
  owner: string;
  repo: string;
  /** The simulated clock: GitHub's timestamps and the runs' times. */
  now: () => Date;
  /** Moves the clock one day (or `ms`) forward, checks the catalog at the default branch's head, and records the run. */
  night(config?: RepoConfigInput, options?: { advanceMs?: number }): Promise<RepoRun>;
  /** Requests to the fake GitHub since the last call, as `METHOD path`, writes only when asked. */
  takeRequests(options?: { writesOnly?: boolean }): string[];
  close(): Promise<void>;
}

export async function startRepoRunHarness(options: { fullName?: string; files: (web: SimulatedWeb) => Record<string, string>; githubRepos?: string[] }): Promise<RepoRunHarness> {
  let clock = new Date('2026-11-01T03:00:00Z');
  const now = () => clock;
  const fullName = options.fullName ?? 'acme/awesome';
  const [owner, repo] = fullName.split('/') as [string, string];
  const web = await startSimulatedWeb();
  const githubApi = await startFakeGithubApi({ repos: (options.githubRepos ?? []).map((name) => ({ fullName: name, stars: 10 })) });
  const wayback = await startFakeWayback();
  const fake = await startFakeGitHub({ now });
  fake.state.createRepo({ fullName, files: options.files(web) });
  const installation = fake.human.install({ account: owner, repositories: [fullName] });
  const probot = createProbot({
    env: { ...fake.env, WEBHOOK_SECRET: 'secret', LOG_LEVEL: 'fatal' },
    overrides: { Octokit: ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } }) },
  });
  // Probot's own installation clients keep write throttling (1-3 s per write) whatever the
  // overrides say; the same ProbotOctokit class with throttling and retries off keeps tests fast.
  const { token } = (await createClients(fake).app.rest.apps.createInstallationAccessToken({ installation_id: installation.id })).data;
  const octokit: GithubClient = new UnthrottledOctokit({ auth: { token }, baseUrl: fake.baseUrl, log: probot.log });
  const client = createHttpClient({ lookup: web.lookup, extraCaCerts: [web.caCert], allowPrivateNetworks: true });
  // Catalog links without a port (`http://plain.example.test/x`) reach the simulated web too.
  const http: HttpClient = { ...client, dispatcher: client.dispatcher.compose(web.defaultPorts) };
  const store: HistoryStore = await openStore({ path: path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-app-')), 'history.db'), now });
  const env = { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: githubApi.url, WAYBACK_API_URL: wayback.url, HF_ENDPOINT: 'http://127.0.0.1:9' };
  const metadataClient = new TestOctokit({ baseUrl: githubApi.url, auth: 'test-token' });
  let seen = fake.requests.length;
  let first = true;

  return {
    fake, web, githubApi, wayback, http, probot, octokit, fullName, owner, repo, now,
    async night(input = {}, { advanceMs = DAY } = {}) {
      if (!first) clock = new Date(clock.getTime() + advanceMs);
      first = false;
      const config = repoConfigSchema.parse(input);
      const headSha = fake.inspect.branches(fullName).main!;
      const files = Object.entries(fake.inspect.files(fullName, headSha)!)
        .filter(([file]) => file.endsWith('.md'))
        .map(([file, text]) => ({ file, text }));
      const catalogRun = await checkCatalog(
        files,
        { catalog: `github:${fullName}`, check: { retries: 0, backoffMs: 0 }, exclude: config.exclude.map((source) => new RegExp(source)), deadRules: deadRules(config.deadAfter), archive: true },
        // The app hands the pipeline a client; an unthrottled one keeps GraphQL's 1 s pacing out of tests.
        { http, store, now, env, github: { client: metadataClient } },
      );
      return {
        octokit, owner, repo, defaultBranch: 'main', headSha, webOrigin: fake.origin, config, files, catalogRun, store, now,
        log: probot.log, botLogin: BOT, ignoredByCheckbox: new Set<string>(),
      };
    },
    takeRequests({ writesOnly = false } = {}) {
      const fresh = fake.requests.slice(seen);
      seen = fake.requests.length;
      return fresh.filter((r) => !writesOnly || r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    },
    async close() {
      store.close();
      await http.close();
      await Promise.all([fake.close(), web.close(), githubApi.close(), wayback.close()]);
    },
  };
}
