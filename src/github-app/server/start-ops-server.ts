import type { Logger } from 'pino';
import type { HistoryStore } from '../../store/history-store.js';
import type { AppMetrics } from '../ops/app-metrics.js';
import { checkReadiness } from './check-readiness.js';
import { listenHttp, type ListeningHttp } from './listen-http.js';
import { OPS_PATHS, opsRoutes } from './ops-routes.js';

export interface OpsServerOptions {
  host: string;
  /** `METRICS_PORT`; 0 picks a free port (the result's `port`). */
  port: number;
  store: HistoryStore;
  metrics: AppMetrics;
  redisUrl?: string;
  log: Logger;
}

/**
 * /healthz, /readyz, /metrics (and /ping) on a port of their own, for a process without the web
 * front: `linkmedic worker`. `linkmedic serve` answers the same paths on its own port.
 */
export function startOpsServer(options: OpsServerOptions): Promise<ListeningHttp> {
  const readiness = () => checkReadiness({ store: options.store, ...(options.redisUrl !== undefined && { redisUrl: options.redisUrl }) });
  return listenHttp({ host: options.host, port: options.port, log: options.log, quietPaths: OPS_PATHS, handlers: [opsRoutes({ metrics: options.metrics, readiness })] });
}
