import { Redis } from 'ioredis';

/**
 * One `PING` on a connection of its own, closed after: resolves when Redis answered `PONG`,
 * rejects with the reason (connection refused, authentication, no answer within `timeoutMs`).
 */
export async function pingRedis(url: string, timeoutMs: number): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    // PING is the check: no INFO first (it has no time limit of its own), no queue, no reconnection.
    enableReadyCheck: false,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // ioredis reports a refused connection as "Connection is closed."; the error event has the cause.
  let cause: Error | undefined;
  client.on('error', (error: Error) => (cause ??= error));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const answer = await Promise.race([client.connect().then(() => client.ping()), timeout]);
    if (answer !== 'PONG') throw new Error(`answered ${answer} to PING`);
  } catch (error) {
    throw cause ?? error;
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
