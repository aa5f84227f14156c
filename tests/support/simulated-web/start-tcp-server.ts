import net, { type AddressInfo, type Socket } from 'node:net';

export interface TcpServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A raw TCP server on 127.0.0.1 for what HTTP servers cannot do: accept and stay silent (a TLS
 * handshake that never completes: connect timeouts), answer garbage (protocol errors).
 * `startTcpServer(() => {})` is a black hole; `startTcpServer((s) => s.end('nonsense'))` a liar.
 */
export async function startTcpServer(onSocket: (socket: Socket) => void): Promise<TcpServer> {
  const sockets = new Set<Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port on 127.0.0.1 where nothing listens (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = await startTcpServer(() => undefined);
  await server.close();
  return server.port;
}
