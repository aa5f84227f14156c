import { schemaVersion } from '../../store/migrate.js';
import { MIGRATIONS } from '../../store/migrations/migrations.js';
import type { HistoryStore } from '../../store/history-store.js';
import { pingRedis } from './ping-redis.js';

/** One dependency's answer. */
export interface ReadinessCheck {
  status:
    /** It answered in time. */
    | 'ok'
    /** It did not answer, answered an error, or (the database) is not migrated. */
    | 'failed';
  detail: string;
}

/** What `/readyz` answers: 200 when every check is ok, else 503. */
export interface Readiness {
  status: 'ready' | 'unavailable';
  checks: { database: ReadinessCheck; redis?: ReadinessCheck };
}

export interface ReadinessDeps {
  store: HistoryStore;
  /** Checked only when set (the queue and shared throttling need it). */
  redisUrl?: string;
  /** Each check's time budget. */
  timeoutMs?: number;
  /** The schema version the process was built for. */
  schema?: number;
}

/** Probes wait for a SQLite write in progress (calls queue per file): the budget leaves room for one. */
const DEFAULT_TIMEOUT_MS = 3_000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const failed = (error: unknown): ReadinessCheck => ({ status: 'failed', detail: (error as Error).message.split('\n')[0] ?? String(error) });

async function checkDatabase(store: HistoryStore, schema: number, timeoutMs: number): Promise<ReadinessCheck> {
  try {
    const version = await within(store.sql.transaction((tx) => schemaVersion(tx), { mode: 'read' }), timeoutMs);
    if (version < schema) return { status: 'failed', detail: `${store.sql.dialect} schema ${version}, migrations up to ${schema} not applied` };
    return { status: 'ok', detail: `${store.sql.dialect} schema ${version}` };
  } catch (error) {
    return failed(error);
  }
}

async function checkRedis(url: string, timeoutMs: number): Promise<ReadinessCheck> {
  try {
    await pingRedis(url, timeoutMs);
    return { status: 'ok', detail: 'PONG' };
  } catch (error) {
    return failed(error);
  }
}

/** The database answers a query through the store's driver and is migrated; Redis answers PING when configured. */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const [database, redis] = await Promise.all([
    checkDatabase(deps.store, deps.schema ?? MIGRATIONS.length, timeoutMs),
    deps.redisUrl === undefined ? undefined : checkRedis(deps.redisUrl, timeoutMs),
  ]);
  const checks = { database, ...(redis && { redis }) };
  return { status: Object.values(checks).every((check) => check.status === 'ok') ? 'ready' : 'unavailable', checks };
}
