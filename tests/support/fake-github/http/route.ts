import type { IncomingHttpHeaders } from 'node:http';
import type { FakeState } from '../state/fake-state.js';
import type { FakeInstallation, FakeRepo, FakeToken } from '../state/types.js';
import type { WebhookEvent } from '../webhooks/webhook-event.js';
import type { Reply } from './reply.js';

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'app' }
  | { kind: 'installation'; installation: FakeInstallation; token: FakeToken };

/** Where this request's API and web pages live, so bodies point back at the same layout. */
export interface Urls {
  /** `http://127.0.0.1:PORT/api/v3` (GHES layout) or `http://127.0.0.1:PORT` (api.github.com layout). */
  api: string;
  web: string;
}

export interface RouteContext {
  state: FakeState;
  method: string;
  /** Path without the `/api/v3` prefix and without the query. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  caller: Caller;
  urls: Urls;
  /** Set for `scope: 'repo'` routes (the dispatcher resolves it before the handler runs). */
  repo: FakeRepo;
  /** Queues a webhook GitHub would send for this change. */
  emit(event: WebhookEvent): void;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** e.g. `/repos/{owner}/{repo}/issues/{issue_number}`; `{path+}` matches across slashes. */
  pattern: string;
  /** Who may call it: the app (JWT), an installation token, or a repository reader/writer. */
  scope: 'app' | 'installation' | 'repo';
  /** Installation permission the route needs, e.g. `['issues', 'write']`. */
  permission?: [string, 'read' | 'write'];
  /** Answers 410 when the repository has issues turned off. */
  needsIssues?: boolean;
  handler(ctx: RouteContext): Reply | Promise<Reply>;
}

interface Compiled {
  route: Route;
  regex: RegExp;
  names: string[];
}

/** Matches method + path against route patterns, in declaration order. */
export class Router {
  readonly #routes: Compiled[] = [];

  add(...routes: Route[]): this {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.pattern.replace(/\{(\w+)(\+?)\}/g, (_m, name: string, plus: string) => {
        names.push(name);
        return plus ? '(.+)' : '([^/]+)';
      });
      this.#routes.push({ route, names, regex: new RegExp(`^${source}/?$`) });
    }
    return this;
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | 'method-not-allowed' | undefined {
    let pathMatched = false;
    for (const { route, regex, names } of this.#routes) {
      const m = regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1] ?? '')));
      return { route, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}
