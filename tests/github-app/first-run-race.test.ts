import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { githubCatalogKey } from '../../src/store/catalog-key.js';
import { openStore } from '../../src/store/open-store.js';
import { newPostgresSchemaUrl, POSTGRES_AVAILABLE } from '../../src/store/test-fixtures/store-backends.js';
import { spawnCli, type CliRun } from '../support/cli-harness.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { BOT, SECRET } from './support/app-harness.js';
import { serveChild } from './support/serve-child.js';

// The race of the issue, made to happen: the server's first run (the configuration just merged)
// and two `linkmedic run-nightly` processes started together on one repository. Each run lists
// the bot's issues before deciding whether to open the report; the fake holds the first listing
// until a second run lists too, so without one writer per repository both see no report and
// both open one. With the lease the second run waits, finds the report and updates it.

/** How long the held listing waits, once both contenders have started, for a second run to list. */
const GRACE_MS = 3_000;
const REPO = 'acme/race';

let fake: FakeGitHub;
let links: Server;
let linkBase: string;

beforeAll(async () => {
  links = createServer((req, res) => void res.writeHead(req.url === '/ok' ? 200 : 404, { 'content-type': 'text/html' }).end('<title>page</title>'));
  await new Promise<void>((resolve) => links.listen(0, '127.0.0.1', resolve));
  linkBase = `http://127.0.0.1:${(links.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => links?.close(resolve)));
// A GitHub of its own per backend: a pass walks every installation there is.
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(() => fake?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds the first listing of `repo`'s issues until a second arrives, or GRACE_MS after `started()` turns true. */
function holdFirstListing(repo: string, started: () => boolean): void {
  let listings = 0;
  let opened: Promise<void> | undefined;
  fake.faults.delay({
    match: (request) => request.method === 'GET' && request.path === `/repos/${repo}/issues`,
    until: () => {
      listings += 1;
      opened ??= (async () => {
        let since: number | undefined;
        while (listings < 2 && (since === undefined || Date.now() - since < GRACE_MS)) {
          if (since === undefined && started()) since = Date.now();
          await sleep(25);
        }
      })();
      return opened;
    },
  });
}

const BACKENDS = [
  { name: 'sqlite', database: async () => ({ LINKMEDIC_DB: path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-race-')), 'linkmedic.db') }) },
  ...(POSTGRES_AVAILABLE ? [{ name: 'postgres', database: async () => ({ DATABASE_URL: await newPostgresSchemaUrl() }) }] : []),
];

describe.each(BACKENDS)('the first run and two run-nightly processes on one repository ($name)', ({ database }) => {
  it('open exactly one report issue', async () => {
    const repo = REPO;
    fake.state.createRepo({ fullName: repo, files: { 'README.md': `# Race\n- [ok](${linkBase}/ok)\n- [missing](${linkBase}/missing)\n` } });
    fake.state.install({ account: 'acme' });
    const db: Record<string, string> = await database();
    const env: Record<string, string> = { ...fake.env, ...db, LINKMEDIC_ALLOW_PRIVATE_NETWORKS: 'true', LOG_LEVEL: 'info' };
    const server = await serveChild({ ...env, WEBHOOK_SECRET: SECRET, LINKMEDIC_CRON: 'off' });
    let nightlies: CliRun[] = [];
    try {
      fake.webhooks.deliverTo({ url: `http://127.0.0.1:${server.port}/api/github/webhooks`, secret: SECRET });
      let pushed = false;
      const seen = fake.requests.length;
      holdFirstListing(repo, () => pushed && fake.requests.slice(seen).some((request) => request.path === '/installation/repositories'));

      // The maintainer merges the configuration (the server's first run starts) as the cron fires twice.
      fake.human.push(repo, 'main', 'maintainer', { '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' }, 'Configure linkmedic');
      const running = [spawnCli(['run-nightly'], { env }), spawnCli(['run-nightly'], { env })];
      await fake.webhooks.settled();
      pushed = true;
      nightlies = await Promise.all(running);
      for (let waited = 0; !/configuration added: first run done|push failed/.test(server.output()); waited += 100) {
        if (waited > 60_000) throw new Error(`the server's first run did not end:\n${server.output()}`);
        await sleep(100);
      }
      fake.faults.clear();
      await fake.webhooks.settled();
    } finally {
      fake.webhooks.deliverTo(null);
      expect(await server.stop()).toBe(0);
    }

    const reports = fake.inspect.issues(repo).filter((issue) => issue.title === 'Link health report');
    expect(reports.map((issue) => [issue.author, issue.state])).toEqual([[BOT, 'open']]);
    expect(server.output()).toMatch(/"status":"done".*"msg":"configuration added: first run done"/);
    // Both the first run and a pass ran the repository: they raced, and took turns.
    for (const run of nightlies) expect(`${run.stdout}${run.stderr}`).toMatch(new RegExp(`^${repo}\\tdone\\t|another nightly pass is running`, 'm'));
    expect(nightlies.filter((run) => new RegExp(`^${repo}\tdone\t`, 'm').test(run.stdout)).length).toBeGreaterThanOrEqual(1);
    const store = await openStore({ path: Object.values(db)[0]! });
    try {
      expect((await store.latestRuns(githubCatalogKey(repo), 10)).length).toBeGreaterThanOrEqual(2);
    } finally {
      await store.close();
    }
  }, 120_000);
});
