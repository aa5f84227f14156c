import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { AppMetrics } from '../../src/github-app/ops/app-metrics.js';
import { checkReadiness } from '../../src/github-app/server/check-readiness.js';
import type { ListeningHttp } from '../../src/github-app/server/listen-http.js';
import { startOpsServer } from '../../src/github-app/server/start-ops-server.js';
import type { HistoryStore } from '../../src/store/history-store.js';
import { MIGRATIONS } from '../../src/store/migrations/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { newPostgresSchemaUrl, POSTGRES_AVAILABLE } from '../../src/store/test-fixtures/store-backends.js';
import { REDIS_AVAILABLE, TEST_REDIS_URL } from '../support/test-redis.js';

const log = pino({ level: 'silent' });
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP pass-through to `target` that can be cut: the database "goes away" without being stopped. */
async function startCuttableProxy(target: { host: string; port: number }): Promise<{ port: number; cut: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target);
    client.pipe(upstream).pipe(client);
    const drop = () => (client.destroy(), upstream.destroy());
    for (const socket of [client, upstream]) socket.on('error', drop).on('close', drop);
    sockets.add(client).add(upstream);
  });
  const port = await listen(server);
  let open = true;
  const cut = async () => {
    if (!open) return;
    open = false;
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  cleanups.push(cut);
  return { port, cut };
}

async function opsServer(store: HistoryStore, redisUrl?: string): Promise<ListeningHttp> {
  const server = await startOpsServer({ host: '127.0.0.1', port: 0, store, metrics: new AppMetrics(), log, ...(redisUrl !== undefined && { redisUrl }) });
  cleanups.push(() => server.close());
  return server;
}

async function sqliteStore(migrations = MIGRATIONS): Promise<HistoryStore> {
  const store = await openStore({ path: ':memory:', migrations });
  cleanups.push(() => store.close());
  return store;
}

const readyz = async (server: ListeningHttp) => {
  const response = await fetch(`http://127.0.0.1:${server.port}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, { status: string; detail: string }> } };
};

describe('startOpsServer (what `linkmedic worker` serves on METRICS_PORT)', () => {
  it('answers /healthz, /metrics and /readyz on the free port it was given', async () => {
    const server = await opsServer(await sqliteStore());
    expect(server.port).toBeGreaterThan(0);
    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok\n']);
    const metrics = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(metrics).toContain('# TYPE linkmedic_repository_runs_total counter');
    expect(metrics).toContain('linkmedic_links_checked_total{verdict="dead"} 0');
    // No queue to read from: the gauge has no samples, rather than made-up zeros.
    expect(metrics).toContain('# TYPE linkmedic_queue_jobs gauge');
    expect(metrics).not.toContain('linkmedic_queue_jobs{');
    expect(await readyz(server)).toEqual({ status: 200, body: { status: 'ready', checks: { database: { status: 'ok', detail: `sqlite schema ${MIGRATIONS.length}` } } } });
  });

  it('503 when the database is behind the migrations this process needs', async () => {
    const server = await opsServer(await sqliteStore(MIGRATIONS.slice(0, -1)));
    expect(await readyz(server)).toEqual({
      status: 503,
      body: { status: 'unavailable', checks: { database: { status: 'failed', detail: `sqlite schema ${MIGRATIONS.length - 1}, migrations up to ${MIGRATIONS.length} not applied` } } },
    });
  });

  it.skipIf(!POSTGRES_AVAILABLE)('503 naming the database when Postgres stops answering', async () => {
    const url = new URL(await newPostgresSchemaUrl());
    const proxy = await startCuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(proxy.port);
    const store = await openStore({ path: url.toString() });
    cleanups.push(() => store.close());
    const server = await opsServer(store);
    expect(await readyz(server)).toEqual({ status: 200, body: { status: 'ready', checks: { database: { status: 'ok', detail: `postgres schema ${MIGRATIONS.length}` } } } });
    await proxy.cut();
    const down = await readyz(server);
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unavailable');
    // Refused by the closed port, or (a pooled connection cut before the pool noticed) terminated.
    expect(down.body.checks.database).toEqual({ status: 'failed', detail: expect.stringMatching(/ECONNREFUSED|Connection terminated/) });
  });

  it('503 naming Redis when REDIS_URL does not answer; the database check still says ok', async () => {
    const server = await opsServer(await sqliteStore(), `redis://127.0.0.1:${await closedPort()}`);
    const { status, body } = await readyz(server);
    expect(status).toBe(503);
    expect(body.checks.database!.status).toBe('ok');
    expect(body.checks.redis).toEqual({ status: 'failed', detail: expect.stringContaining('ECONNREFUSED') });
  });

  it.skipIf(!REDIS_AVAILABLE)('200 with Redis answering PING', async () => {
    const server = await opsServer(await sqliteStore(), TEST_REDIS_URL);
    expect(await readyz(server)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: { status: 'ok', detail: `sqlite schema ${MIGRATIONS.length}` }, redis: { status: 'ok', detail: 'PONG' } } },
    });
  });
});

describe('checkReadiness', () => {
  it('gives up on a Redis that accepts the connection but never answers, within its budget', async () => {
    const accepted = new Set<Socket>();
    const silent = createServer((socket) => void accepted.add(socket));
    const port = await listen(silent);
    cleanups.push(() => new Promise((resolve) => {
      for (const socket of accepted) socket.destroy();
      silent.close(resolve);
    }));
    const readiness = await checkReadiness({ store: await sqliteStore(), redisUrl: `redis://127.0.0.1:${port}`, timeoutMs: 300 });
    expect(readiness.status).toBe('unavailable');
    expect(readiness.checks.redis).toEqual({ status: 'failed', detail: 'no answer within 300 ms' });
  });
});
