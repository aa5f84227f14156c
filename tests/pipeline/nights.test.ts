import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/create-http-client.js';
import type { HttpClient } from '../../src/http/http-client.js';
import { checkCatalog } from '../../src/pipeline.js';
import type { LinkReport, RunReport } from '../../src/report/run-report.js';
import { openStore } from '../../src/store/open-store.js';
import { startFakeGithubApi, type RunningFakeGithubApi } from '../support/fake-github-api/fake-github-api.js';
import { startFakeHub, type RunningFakeHub } from '../support/fake-hub/fake-hub.js';
import { startFakeWayback, type RunningFakeWayback } from '../support/fake-wayback/fake-wayback.js';
import { respond, startSimulatedWeb, type SimulatedWeb } from '../support/simulated-web/index.js';

const DAY = 86_400_000;
const NIGHT_1 = new Date('2026-11-01T03:00:00Z');

let web: SimulatedWeb;
let github: RunningFakeGithubApi;
let hub: RunningFakeHub;
let wayback: RunningFakeWayback;
let http: HttpClient;
let catalog: string;

beforeAll(async () => {
  web = await startSimulatedWeb();
  github = await startFakeGithubApi({
    repos: [
      { fullName: 'acme/med-llm', stars: 100, forks: 10 },
      { fullName: 'acme/old-name', stars: 50 },
      { fullName: 'acme/doomed', stars: 5 },
    ],
  });
  hub = await startFakeHub({ repos: [{ kind: 'dataset', id: 'acme/qa-set', likes: 40, downloads: 900 }] });
  wayback = await startFakeWayback();
  http = createHttpClient({ lookup: web.lookup, extraCaCerts: [web.caCert], allowPrivateNetworks: true });
  web.route('papers.example.test', '/paper', respond.ok('<title>A paper</title>'));
  web.route('papers.example.test', '/moved', respond.redirect(301, '/paper'));
  web.route('data.example.test', '/set', respond.ok('data'));
  catalog = [
    '# Catalog',
    '',
    '| Name | Link |',
    '|---|---|',
    '| MedLLM | https://github.com/acme/med-llm |',
    '| Renamed | https://github.com/acme/old-name/tree/main/data |',
    '| Doomed | https://github.com/acme/doomed |',
    '| QA set | https://huggingface.co/datasets/acme/qa-set |',
    `| Paper | ${web.url('papers.example.test', '/paper', 'https')} |`,
    `| Moved paper | ${web.url('papers.example.test', '/moved', 'https')} |`,
    `| Data | ${web.url('data.example.test', '/set')} |`,
    '',
  ].join('\n');
});

afterAll(async () => {
  await http.close();
  await Promise.all([web.close(), github.close(), hub.close(), wayback.close()]);
});

const storePath = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-nights-')), 'history.db');

async function night(at: Date): Promise<RunReport> {
  const store = await openStore({ path: storePath, now: () => at });
  try {
    const { report } = await checkCatalog(
      [{ file: 'README.md', text: catalog }],
      { catalog: 'github:acme/awesome', check: { retries: 0, backoffMs: 0 } },
      {
        http,
        store,
        now: () => at,
        env: { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: github.url, HF_ENDPOINT: hub.url, WAYBACK_API_URL: wayback.url },
      },
    );
    return report;
  } finally {
    await store.close();
  }
}

const link = (report: RunReport, fragment: string): LinkReport => {
  const found = report.links.find((candidate) => candidate.url === fragment) ?? report.links.find((candidate) => candidate.url.includes(fragment));
  expect(found, fragment).toBeDefined();
  return found!;
};

describe('three nights through the whole pipeline, on the fakes', () => {
  it('records stars, likes, renames and failure streaks, and derives deltas and confirmed deaths', async () => {
    const first = await night(NIGHT_1);
    expect(first.conclusive).toBe(true);
    expect(first.summary).toMatchObject({ total: 7, alive: 6, redirected: 1, dead: 0 });
    expect(link(first, 'med-llm')).toMatchObject({
      verdict: 'alive',
      checkedBy: 'github_api',
      github: { fullName: 'acme/med-llm', stars: 100, forks: 10, archived: false },
      history: { consecutiveFailures: 0, confirmedDead: false },
    });
    expect(link(first, 'med-llm').github?.starsDelta7d).toBeUndefined(); // no history a week back yet
    expect(link(first, 'qa-set')).toMatchObject({ checkedBy: 'huggingface_api', huggingface: { id: 'acme/qa-set', likes: 40 } });
    expect(link(first, '/moved')).toMatchObject({
      verdict: 'redirected',
      suggestion: { kind: 'permanent_redirect', url: web.url('papers.example.test', '/paper', 'https') },
    });

    // A week later: stars move, a repository is renamed, another deleted, a paper taken down.
    github.store.find('acme/med-llm')!.stars = 130;
    github.store.rename('acme/old-name', 'acme/new-name');
    github.store.delete('acme/doomed');
    hub.store.get('dataset', 'acme/qa-set').likes = 55;
    web.route('papers.example.test', '/paper', respond.status(404));
    wayback.set(web.url('papers.example.test', '/paper', 'https'), { kind: 'found', captures: [{ timestamp: '20250101000000' }] });

    const second = await night(new Date(NIGHT_1.getTime() + 8 * DAY));
    expect(link(second, 'med-llm').github).toMatchObject({ stars: 130, starsDelta7d: 30 });
    expect(link(second, 'med-llm').github?.starsDelta30d).toBeUndefined();
    expect(link(second, 'qa-set').huggingface?.likes).toBe(55);
    expect(link(second, 'old-name')).toMatchObject({
      verdict: 'redirected',
      suggestion: { kind: 'repo_rename', url: 'https://github.com/acme/new-name/tree/main/data' },
    });
    expect(link(second, 'doomed')).toMatchObject({
      verdict: 'dead',
      reason: 'repo_not_found',
      history: { consecutiveFailures: 1, confirmedDead: false },
    });
    expect(link(second, web.url('papers.example.test', '/paper', 'https'))).toMatchObject({
      verdict: 'dead',
      reason: 'http_404',
      suggestion: { kind: 'archive', url: expect.stringContaining('20250101000000') },
      history: { consecutiveFailures: 1, confirmedDead: false },
    });

    // A day later the hard signals repeat: two failures over 24 h confirm them dead.
    const third = await night(new Date(NIGHT_1.getTime() + 9 * DAY));
    expect(link(third, 'doomed').history).toMatchObject({ consecutiveFailures: 2, confirmedDead: true });
    expect(link(third, 'doomed').history?.firstFailedAt).toBe(new Date(NIGHT_1.getTime() + 8 * DAY).toISOString());
    expect(link(third, 'med-llm').history?.lastAliveAt).toBe(new Date(NIGHT_1.getTime() + 9 * DAY).toISOString());
    // The moved paper's 301 now ends in the 404: dead too, with the hop on record.
    expect(link(third, '/moved')).toMatchObject({
      verdict: 'dead',
      redirects: [{ status: 301, location: web.url('papers.example.test', '/paper', 'https') }],
    });
    expect(third.summary.dead).toBe(3);
    expect(third.stats.graphqlRequests).toBe(1);
  });
});
