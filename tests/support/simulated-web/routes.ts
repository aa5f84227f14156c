import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route sees besides the request: how many times it was hit (1-based, this one included). */
export interface RouteContext {
  hit: number;
}

/** A scripted answer. Handlers may be async; the request counts as in flight until the response closes. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => void | Promise<void>;

const CHALLENGE_PAGE =
  '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>' +
  '<div id="challenge-running">Checking if the site connection is secure</div>' +
  '<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>';

/** Scripted answers for the routes of the simulated web. Each returns a RouteHandler. */
export const respond = {
  /** A plain status with optional headers and body. */
  status(code: number, options: { headers?: Record<string, string | string[]>; body?: string } = {}): RouteHandler {
    return (_req, res) => {
      res.writeHead(code, { 'content-type': 'text/html; charset=utf-8', ...options.headers });
      res.end(options.body ?? `<html><head><title>${code}</title></head><body>${code}</body></html>`);
    };
  },
  /** A redirect; `location` is sent as written, so relative locations stay relative. */
  redirect(code: number, location: string, headers: Record<string, string | string[]> = {}): RouteHandler {
    return respond.status(code, { headers: { location, ...headers }, body: '' });
  },
  /** A different handler per method; `GET` also answers methods not listed. */
  byMethod(handlers: Partial<Record<'HEAD' | 'GET', RouteHandler>>): RouteHandler {
    return (req, res, ctx) => (handlers[req.method as 'HEAD' | 'GET'] ?? handlers.GET ?? respond.status(405))(req, res, ctx);
  },
  /** A different handler per scheme: the HTTP and the HTTPS server share one route table. */
  byScheme(handlers: Record<'http' | 'https', RouteHandler>): RouteHandler {
    return (req, res, ctx) => handlers[(req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'](req, res, ctx);
  },
  /** The n-th request gets the n-th handler; the last one repeats. */
  sequence(...handlers: RouteHandler[]): RouteHandler {
    return (req, res, ctx) => handlers[Math.min(ctx.hit, handlers.length) - 1]!(req, res, ctx);
  },
  /** 429 with a `Retry-After` header (seconds or an HTTP date), `times` times, then `then`. */
  tooManyRequests(retryAfter: string | undefined, then: RouteHandler = respond.status(200), times = 1): RouteHandler {
    return (req, res, ctx) => {
      if (ctx.hit > times) return then(req, res, ctx);
      respond.status(429, { headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter } })(req, res, ctx);
    };
  },
  /** Waits `ms` before sending the response head. */
  slowHead(ms: number, then: RouteHandler = respond.status(200)): RouteHandler {
    return async (req, res, ctx) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (!res.destroyed) await then(req, res, ctx);
    };
  },
  /** Answers after `ms` (for latency in benchmarks); same as slowHead. */
  latency(ms: number, then: RouteHandler = respond.status(200)): RouteHandler {
    return respond.slowHead(ms, then);
  },
  /**
   * A 200 that announces a 50 GB file and streams zeros until the client goes away. `sent`
   * receives the running byte count so a test can prove the client stopped reading.
   */
  endless(sent: { bytes: number } = { bytes: 0 }, contentType = 'application/octet-stream'): RouteHandler {
    return (req, res) => {
      res.writeHead(200, { 'content-type': contentType, 'content-length': String(50 * 1024 ** 3) });
      if (req.method === 'HEAD') return void res.end();
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent.bytes += chunk.length;
        if (!res.destroyed) sent.bytes += chunk.length;
      };
      res.on('drain', pump);
      pump();
    };
  },
  /** Closes the connection without any response (a reset as the client sees it). */
  reset(): RouteHandler {
    return (req) => void req.socket.resetAndDestroy();
  },
  /** Cloudflare's managed challenge: 403, `cf-mitigated: challenge`, "Just a moment..." page. */
  cloudflareChallenge(code = 403): RouteHandler {
    return respond.status(code, {
      headers: { server: 'cloudflare', 'cf-mitigated': 'challenge', 'cf-ray': '8a1b2c3d4e5f6789-FRA' },
      body: CHALLENGE_PAGE,
    });
  },
  /** LinkedIn's answer to crawlers: status 999 with an empty page. */
  linkedIn999(): RouteHandler {
    return respond.status(999, { body: '<html><head><script>window.location.href="https://www.linkedin.com/"</script></head></html>' });
  },
  /** A 200 whose gzip body is corrupt: the status line is good, decoding fails. */
  brokenGzip(code = 200): RouteHandler {
    return (_req, res) => {
      res.writeHead(code, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(Buffer.from('this is not gzip at all, just bytes pretending to be compressed'));
    };
  },
  /** A 200 page (body optional). */
  ok(body = '<html><head><title>OK</title></head><body>ok</body></html>', headers: Record<string, string> = {}): RouteHandler {
    return respond.status(200, { body, headers });
  },
};
