import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

/** Answers a request and resolves true, or resolves false to let the next handler try. */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface ListenOptions {
  host: string;
  /** 0 picks a free port; `port` of the result says which. */
  port: number;
  /** Tried in order; a request none answers gets 404. */
  handlers: readonly HttpHandler[];
  log: Logger;
  /** Paths polled by machines (probes, scrapes): logged at debug, not info. */
  quietPaths?: ReadonlySet<string>;
}

export interface ListeningHttp {
  server: Server;
  /** The port actually listened on. */
  port: number;
  /** Stops accepting, drops idle and open connections, and resolves once closed. */
  close(): Promise<void>;
}

const pathOf = (req: IncomingMessage): string => (req.url ?? '/').split('?')[0] ?? '/';

/**
 * An HTTP server over a list of handlers. linkmedic listens itself rather than through Probot's
 * `Server`, which turns port 0 into 3000: a free port has to really be one (tests running side by
 * side, a worker's metrics port).
 */
export async function listenHttp(options: ListenOptions): Promise<ListeningHttp> {
  const log = options.log.child({ name: 'http' });
  const server = createServer((req, res) => {
    const started = performance.now();
    res.on('finish', () => {
      const quiet = options.quietPaths?.has(pathOf(req)) && res.statusCode < 500;
      const line = `${req.method} ${pathOf(req)} ${res.statusCode} - ${Math.round(performance.now() - started)}ms`;
      log[quiet ? 'debug' : 'info']({ id: req.headers['x-github-delivery'] }, line);
    });
    void answer(options.handlers, req, res).catch((error: unknown) => {
      log.error({ err: error }, `${req.method} ${pathOf(req)} failed`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host, port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function answer(handlers: readonly HttpHandler[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const handler of handlers) if (await handler(req, res)) return;
  if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
}
