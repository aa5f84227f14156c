// Redis for tests: the server in LINKMEDIC_TEST_REDIS_URL (default: this project's machines,
// 127.0.0.1:6379), shared with other suites. Each test works under a prefix of its own and deletes
// exactly its keys afterwards: never FLUSHALL or FLUSHDB. Outside CI a missing server skips the
// Redis tests with a notice; in CI (CI set) it fails.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.LINKMEDIC_TEST_REDIS_URL?.trim() || 'redis://127.0.0.1:6379';

async function reachable(): Promise<boolean> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch (error) {
    if (process.env.CI) throw new Error(`Redis is not reachable at ${TEST_REDIS_URL} (CI requires it): ${(error as Error).message}`);
    process.stderr.write(`note: Redis is not reachable at ${TEST_REDIS_URL}; queue tests are skipped\n`);
    return false;
  } finally {
    client.disconnect();
  }
}

export const REDIS_AVAILABLE = await reachable();

/** A key prefix no other test uses (`LINKMEDIC_REDIS_PREFIX`). */
export const newRedisPrefix = (): string => `lm-test-${randomBytes(5).toString('hex')}`;

/**
 * The keys a prefix owns: BullMQ's `<prefix>:…` and the rate limiters' `b_<group>-<prefix>_…`
 * (Octokit's throttle id is the prefix).
 */
export async function redisKeys(prefix: string): Promise<string[]> {
  const client = new Redis(TEST_REDIS_URL);
  try {
    const keys: string[] = [];
    for (const pattern of [`${prefix}:*`, `b_*-${prefix}_*`]) {
      let cursor = '0';
      do {
        const [next, batch] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        keys.push(...batch);
        cursor = next;
      } while (cursor !== '0');
    }
    return keys;
  } finally {
    client.disconnect();
  }
}

/** Deletes every key of the prefix (and nothing else). */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const keys = await redisKeys(prefix);
  if (keys.length === 0) return;
  const client = new Redis(TEST_REDIS_URL);
  try {
    for (let i = 0; i < keys.length; i += 500) await client.unlink(...keys.slice(i, i + 500));
  } finally {
    client.disconnect();
  }
}
