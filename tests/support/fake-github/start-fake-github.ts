import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type ExtraHandler, type RequestLogEntry } from './http/dispatch.js';
import { Faults } from './http/faults.js';
import { RateLimits } from './http/rate-limits.js';
import { Router, type Urls } from './http/route.js';
import { Inspect } from './inspect.js';
import { appRoutes } from './routes/app-routes.js';
import { checkRoutes } from './routes/check-routes.js';
import { commentRoutes } from './routes/comment-routes.js';
import { commitRoutes } from './routes/commit-routes.js';
import { contentsRoutes } from './routes/contents-routes.js';
import { gitRoutes } from './routes/git-routes.js';
import { issueRoutes } from './routes/issue-routes.js';
import { labelRoutes } from './routes/label-routes.js';
import { pullRoutes } from './routes/pull-routes.js';
import { repoRoutes } from './routes/repo-routes.js';
import { FakeState } from './state/fake-state.js';
import { HumanActions } from './webhooks/human-actions.js';
import { WebhookBuilder } from './webhooks/webhook-builder.js';
import { WebhookOutbox, type WebhookTarget } from './webhooks/webhook-outbox.js';

export interface FakeGitHubOptions {
  appId?: number;
  appSlug?: string;
  /** PEM of the app's private key; one is generated when omitted. */
  privateKey?: string;
  /** Clock for timestamps on objects (created_at, closed_at, commit dates). Auth and rate limits use the wall clock. */
  now?: () => Date;
  /** Tried in order for requests this fake does not handle (and for repositories it does not know). */
  extraHandlers?: ExtraHandler[];
  /** Deliver every webhook to the app as it happens. */
  webhooks?: WebhookTarget;
}

export interface FakeGitHub {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** REST base as Probot builds it from `GHE_HOST` + `GHE_PROTOCOL=http`: `http://127.0.0.1:PORT/api/v3`. */
  baseUrl: string;
  /** `127.0.0.1:PORT`, for `GHE_HOST`. */
  host: string;
  appId: number;
  privateKey: string;
  /** `APP_ID`, `PRIVATE_KEY`, `GHE_HOST`, `GHE_PROTOCOL` for Probot's `run`/`createProbot`. */
  env: Record<string, string>;
  state: FakeState;
  faults: Faults;
  rateLimits: RateLimits;
  webhooks: WebhookOutbox;
  /** Builds events from state without changing it (redeliveries, replays). */
  events: WebhookBuilder;
  human: HumanActions;
  inspect: Inspect;
  /** Every request, in arrival order. */
  requests: RequestLogEntry[];
  /** Who a live token acts as (the app's bot), for a GraphQL fake's `viewer` (`createFakeGithubApi({ viewerOf })`). */
  viewerOf(token: string): { login: string; databaseId: number } | undefined;
  close(): Promise<void>;
}

/** Starts the stateful fake GitHub on 127.0.0.1 and a free port. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const appId = options.appId ?? 1;
  const privateKey = options.privateKey ?? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const state = new FakeState({
    appId,
    appSlug: options.appSlug ?? 'linkmedic',
    publicKey: createPublicKey(createPrivateKey(privateKey)),
    now: options.now ?? (() => new Date()),
  });
  const wallNow = () => Date.now();
  const webhooks = new WebhookOutbox(options.webhooks ?? null);
  const rateLimits = new RateLimits(wallNow);
  const faults = new Faults();
  const requests: RequestLogEntry[] = [];
  const router = new Router().add(
    ...appRoutes(wallNow),
    ...checkRoutes(),
    ...repoRoutes(),
    ...contentsRoutes(),
    ...commitRoutes(),
    ...gitRoutes(),
    ...commentRoutes(),
    ...labelRoutes(),
    ...issueRoutes(),
    ...pullRoutes(),
  );
  const deps = { state, router, rateLimits, faults, extraHandlers: options.extraHandlers ?? [], log: requests, wallNow, emit: (e: Parameters<WebhookOutbox['emit']>[0]) => webhooks.emit(e) };
  const server = createServer((req, res) => {
    dispatch(deps, req, res).catch((error: unknown) => {
      // A bug in the fake must be loud in the test, not look like a GitHub outage.
      console.error('[fake-github]', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ message: `fake-github bug: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const urls: Urls = { api: `${origin}/api/v3`, web: origin };
  return {
    origin,
    baseUrl: urls.api,
    host: `127.0.0.1:${port}`,
    appId,
    privateKey,
    env: { APP_ID: String(appId), PRIVATE_KEY: privateKey, GHE_HOST: `127.0.0.1:${port}`, GHE_PROTOCOL: 'http' },
    state,
    faults,
    rateLimits,
    webhooks,
    events: new WebhookBuilder(state, urls),
    human: new HumanActions({ state, urls, emit: (e) => webhooks.emit(e) }),
    inspect: new Inspect(state),
    requests,
    viewerOf: (token) => {
      const known = state.tokens.get(token);
      return known && known.expiresAt > wallNow() ? { login: state.app.bot.login, databaseId: state.app.bot.id } : undefined;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
