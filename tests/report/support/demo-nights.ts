// A catalog and the world it links to (simulated web, fake GitHub API, fake Hub, fake Wayback),
// scripted night by night: stars grow, a paper dies, a server flakes and recovers, a repository
// is renamed, another deleted, and one night linkmedic itself is offline. The report tests and
// `scripts/screenshot-report.ts` run the real pipeline over it with an injected clock.
import net from 'node:net';
import { createHttpClient } from '../../../src/http/create-http-client.js';
import type { HttpClient } from '../../../src/http/http-client.js';
import { checkCatalog } from '../../../src/pipeline.js';
import type { RunReport } from '../../../src/report/run-report.js';
import { openStore } from '../../../src/store/open-store.js';
import { startFakeGithubApi, type RunningFakeGithubApi } from '../../support/fake-github-api/fake-github-api.js';
import { startFakeHub, type RunningFakeHub } from '../../support/fake-hub/fake-hub.js';
import { startFakeWayback, type RunningFakeWayback } from '../../support/fake-wayback/fake-wayback.js';
import { closedPort, createTestLookup, startSimulatedWeb, type SimulatedWeb } from '../../support/simulated-web/index.js';
import { DEMO_CATALOGS, type DemoCatalog, type DemoVariant } from './demo-catalogs.js';

export const DAY = 86_400_000;
/** The first night; night n (0-based) starts n days later. */
export const FIRST_NIGHT = new Date('2026-11-01T03:00:00Z');
export const nightAt = (night: number): Date => new Date(FIRST_NIGHT.getTime() + night * DAY);

export interface DemoWorld {
  catalog: DemoCatalog;
  /** The catalog's markdown, with the simulated web's ports in its URLs. */
  markdown: string;
  /** Applies night `night`'s events, then runs the whole pipeline at that night's time into `storePath`. */
  night(night: number, storePath: string, catalogKey: string): Promise<RunReport>;
  close(): Promise<void>;
}

/** A deterministic wobble in [0, 1) per (name, night), so growth looks organic and repeats exactly. */
function wobble(name: string, night: number): number {
  let hash = 2166136261;
  for (const character of `${name}#${night}`) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619);
  return ((hash >>> 0) % 1000) / 1000;
}

/** Night n's count: the start plus each earlier night's uneven share of the growth (never falling). */
function grown(name: string, start: number, growth: number, night: number): number {
  let value = start;
  for (let n = 1; n <= night; n++) value += growth * (0.2 + 1.6 * wobble(name, n));
  return Math.round(value);
}

/**
 * Forwards 127.0.0.1:443 to the simulated web's HTTPS port (TLS passes through, SNI intact), so
 * catalog URLs read `https://papers.example.test/x` without a port. Needs the right to bind 443;
 * undefined when that is refused.
 */
async function forward443(target: number): Promise<net.Server | undefined> {
  const server = net.createServer((socket) => {
    const upstream = net.connect(target, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    const end = () => { socket.destroy(); upstream.destroy(); };
    socket.on('error', end);
    upstream.on('error', end);
  });
  return new Promise((resolve) => {
    server.once('error', () => resolve(undefined));
    server.listen(443, '127.0.0.1', () => resolve(server));
  });
}

export async function startDemoWorld(variant: DemoVariant, options: { standardPort?: boolean } = {}): Promise<DemoWorld> {
  const catalog = DEMO_CATALOGS[variant];
  const web: SimulatedWeb = await startSimulatedWeb();
  const github: RunningFakeGithubApi = await startFakeGithubApi({ repos: catalog.github.map(({ fullName, stars }) => ({ fullName, stars, forks: Math.round(stars / 9) })) });
  const hub: RunningFakeHub = await startFakeHub({ repos: catalog.hub.map(({ kind, id, likes }) => ({ kind, id, likes, downloads: likes * 37 })) });
  const wayback: RunningFakeWayback = await startFakeWayback();
  const http: HttpClient = createHttpClient(web.clientOptions);
  // The offline night: no name resolves and the APIs do not answer, as on a machine without network.
  const deadPort = await closedPort();
  const offlineHttp: HttpClient = createHttpClient({ ...web.clientOptions, lookup: createTestLookup(() => ({ error: 'EAI_AGAIN' })) });
  for (const page of catalog.pages) web.route(page.host, page.path, page.route(0));
  const forwarder = options.standardPort ? await forward443(web.httpsPort) : undefined;
  const pageUrl = (host: string, path: string) => (forwarder ? `https://${host}${path}` : web.url(host, path, 'https'));
  const markdown = catalog.markdown(pageUrl);

  return {
    catalog,
    markdown,
    async night(night, storePath, catalogKey) {
      for (const { fullName, stars, growth } of catalog.github) {
        const repo = github.store.resolve(fullName)?.repo;
        if (repo) repo.stars = grown(fullName, stars, growth, night);
      }
      for (const { kind, id, likes, growth } of catalog.hub) {
        const repo = hub.store.resolve(kind, id)?.repo;
        if (repo) repo.likes = grown(id, likes, growth, night);
      }
      for (const page of catalog.pages) web.route(page.host, page.path, page.route(night));
      for (const event of catalog.events[night] ?? []) {
        if (event.kind === 'rename') github.store.rename(event.from, event.to);
        if (event.kind === 'delete') github.store.delete(event.fullName);
        if (event.kind === 'archive') wayback.set(pageUrl(event.host, event.path), { kind: 'found', captures: [{ timestamp: event.timestamp }] });
      }
      const offline = catalog.offlineNights.includes(night);
      const at = nightAt(night);
      const store = await openStore({ path: storePath, now: () => at });
      try {
        const { report } = await checkCatalog(
          [{ file: 'README.md', text: markdown }],
          // Politeness intervals protect real hosts; against the simulation they only cost wall time.
          { catalog: catalogKey, check: { retries: 0, backoffMs: 0, canaryHosts: [], hosts: { 'github.com': { intervalMs: 0 }, 'huggingface.co': { intervalMs: 0 } } } },
          {
            http: offline ? offlineHttp : http,
            store,
            // Each check "takes" a few minutes of the simulated night.
            now: (() => { let tick = 0; return () => new Date(at.getTime() + 1_000 * tick++); })(),
            sleep: async () => undefined,
            // Octokit's throttling spaces GraphQL requests a second apart per token, across the
            // process; a token per night keeps simulated nights as independent as real ones.
            // Offline, without a token, GitHub links go straight to the (failing) HTTP checker.
            env: offline
              ? { HF_ENDPOINT: `http://127.0.0.1:${deadPort}`, WAYBACK_API_URL: `http://127.0.0.1:${deadPort}` }
              : { GITHUB_TOKEN: `demo-${night}`, GITHUB_API_URL: github.url, HF_ENDPOINT: hub.url, WAYBACK_API_URL: wayback.url },
          },
        );
        return report;
      } finally {
        await store.close();
      }
    },
    async close() {
      await Promise.all([http.close(), offlineHttp.close()]);
      await Promise.all([web.close(), github.close(), hub.close(), wayback.close(), new Promise((resolve) => (forwarder ? forwarder.close(resolve) : resolve(undefined)))]);
    },
  };
}
