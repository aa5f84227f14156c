// Redis for tests: LINKMEDIC_TEST_REDIS_URL (default: this project's machines, 127.0.0.1:6379).
// Outside CI a missing server skips the Redis tests with a notice; in CI (CI set) it fails, as
// the Postgres store tests do. Tests share the server: use keys of your own, never FLUSHALL.
import { pingRedis } from '../../src/github-app/server/ping-redis.js';

export const TEST_REDIS_URL = process.env.LINKMEDIC_TEST_REDIS_URL?.trim() || 'redis://127.0.0.1:6379';

async function reachable(): Promise<boolean> {
  try {
    await pingRedis(TEST_REDIS_URL, 3_000);
    return true;
  } catch (error) {
    if (process.env.CI) throw new Error(`Redis is not reachable at ${TEST_REDIS_URL} (CI requires it): ${(error as Error).message}`);
    process.stderr.write(`note: Redis is not reachable at ${TEST_REDIS_URL}; Redis tests are skipped\n`);
    return false;
  }
}

export const REDIS_AVAILABLE = await reachable();
