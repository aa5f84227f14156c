import type { AppMetrics } from '../ops/app-metrics.js';
import type { Readiness } from './check-readiness.js';
import type { HttpHandler } from './listen-http.js';

/** Paths machines poll: request logs keep them at debug. */
export const OPS_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics', '/ping']);

/**
 * `GET /healthz`: the process is up (no I/O). `GET /readyz`: what `readiness` says, 200 or 503.
 * `GET /metrics`: Prometheus text. `GET /ping`: `PONG`, as Probot's server answered it.
 */
export function opsRoutes(deps: { metrics: AppMetrics; readiness: () => Promise<Readiness> }): HttpHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    switch ((req.url ?? '/').split('?')[0]) {
      case '/healthz':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
        return true;
      case '/ping':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
        return true;
      case '/readyz': {
        const readiness = await deps.readiness();
        res.writeHead(readiness.status === 'ready' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(`${JSON.stringify(readiness)}\n`);
        return true;
      }
      case '/metrics': {
        const { contentType, text } = await deps.metrics.exposition();
        res.writeHead(200, { 'content-type': contentType }).end(text);
        return true;
      }
      default:
        return false;
    }
  };
}
