import http from 'node:http';
import net, { type AddressInfo, type LookupFunction, type Socket } from 'node:net';

export interface TestProxy {
  /** `http://127.0.0.1:port`, for `HTTPS_PROXY` / `HTTP_PROXY`. */
  url: string;
  /** `host:port` of every CONNECT tunnel requested, in order. */
  connects: string[];
  /** Absolute-form URLs of plain (non-tunnelled) proxy requests. */
  forwarded: string[];
  close(): Promise<void>;
}

/**
 * A minimal forward proxy like a corporate one: CONNECT tunnels for HTTPS (and for HTTP, which is
 * what undici sends), absolute-form forwarding for plain HTTP. It resolves target names itself
 * with `lookup` (the simulated web's), as a real proxy resolves them with its own DNS.
 */
export async function startTestProxy(lookup: LookupFunction): Promise<TestProxy> {
  const connects: string[] = [];
  const forwarded: string[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    forwarded.push(req.url ?? '');
    const target = new URL(req.url ?? '');
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers, lookup },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(/:(?=\d+$)/);
    const upstream = net.connect({ host: host!, port: Number(port), lookup }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    forwarded,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
