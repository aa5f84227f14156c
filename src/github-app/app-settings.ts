import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validate as isCronExpression } from 'node-cron';
import { z } from 'zod';
import { LinkmedicError } from '../errors.js';
import { resolveDbPath } from '../store/resolve-db-path.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** How the app process runs: read once from the environment (see docs/github-app.md). */
export interface AppSettings {
  appId: number;
  /** PEM; never logged. */
  privateKey: string;
  /** Verifies `x-hub-signature-256` on every delivery; never logged. */
  webhookSecret: string;
  /** REST base: `https://api.github.com`, or `<GHE_PROTOCOL>://<GHE_HOST>/api/v3`. */
  baseUrl: string;
  /** A cron expression, or `off` when an external scheduler runs `linkmedic run-nightly`. */
  cron: string;
  timezone: string;
  /** A SQLite file, or a `postgres://` URL (`DATABASE_URL`) for several processes; see `resolveDbPath`. Never logged. */
  dbPath: string;
  host: string;
  port: number;
  webhookPath: string;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  /** The operator lets repositories check private addresses (`allowPrivateNetworks` in their config). */
  allowPrivateNetworks: boolean;
  /** Days a removed repository's history is kept (after its removal and its last run); `null` (`off`) keeps it. */
  historyRetentionDays: number | null;
  /**
   * `REDIS_URL`: work goes through a BullMQ queue that any number of worker processes take from,
   * and GitHub's rate limits are accounted in Redis for all of them; `/readyz` checks it answers.
   * Unset: one process does everything.
   */
  redisUrl?: string;
  /** Namespaces this deployment's queue and rate-limit keys in a shared Redis (`LINKMEDIC_REDIS_PREFIX`). */
  redisPrefix: string;
  /** Where a process without the web front (`linkmedic worker`) serves /healthz, /readyz and /metrics. */
  metricsPort: number;
}

export const DEFAULT_CRON = '0 3 * * *';
export const DEFAULT_HISTORY_RETENTION_DAYS = 90;
/** The port OpenTelemetry's and many exporters' Prometheus endpoints use. */
export const DEFAULT_METRICS_PORT = 9464;

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const settingsSchema = z.strictObject({
  appId: z.coerce.number({ error: 'APP_ID must be the numeric app id' }).int().positive('APP_ID must be the numeric app id'),
  privateKey: z.string().regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'PRIVATE_KEY (or the file at PRIVATE_KEY_PATH) is not a PEM private key'),
  webhookSecret: z.string().min(1, 'WEBHOOK_SECRET is required: without it anyone could send the app events'),
  baseUrl: z.url('GHE_HOST / GHE_PROTOCOL do not form a URL'),
  cron: z.string().refine((cron) => cron === 'off' || isCronExpression(cron), 'LINKMEDIC_CRON is not a cron expression (e.g. "0 3 * * *") or "off"'),
  timezone: z.string().refine(isTimeZone, 'LINKMEDIC_TZ is not an IANA time zone (e.g. "Europe/Berlin")'),
  dbPath: z.string().min(1),
  host: z.string().min(1),
  port: z.coerce.number({ error: 'PORT must be a port number' }).int().min(0).max(65_535),
  webhookPath: z.string().startsWith('/', 'WEBHOOK_PATH must start with /'),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal'], { error: 'LOG_LEVEL must be trace, debug, info, warn, error or fatal' }),
  allowPrivateNetworks: z.boolean(),
  historyRetentionDays: z.coerce.number({ error: 'LINKMEDIC_HISTORY_RETENTION_DAYS must be a whole number of days or "off"' }).int().min(0).nullable(),
  redisUrl: z.url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// URL' }).optional(),
  metricsPort: z.coerce.number({ error: 'METRICS_PORT must be a port number' }).int().min(0).max(65_535),
  // BullMQ keys are `<prefix>:<queue>:…`; a colon inside the prefix would only blur that.
  redisPrefix: z.string().regex(/^[\w.-]+$/, 'LINKMEDIC_REDIS_PREFIX may hold letters, digits, ".", "_" and "-" only'),
});

// PRIVATE_KEY as stored by most hosts: with literal "\n", or base64 of the whole PEM.
function readPrivateKey(env: Env, cwd: string): string {
  const inline = env.PRIVATE_KEY;
  if (inline?.trim()) {
    if (inline.includes('-----BEGIN')) return inline.replace(/\\n/g, '\n');
    const decoded = Buffer.from(inline.trim(), 'base64').toString('utf8');
    return decoded.includes('-----BEGIN') ? decoded : inline;
  }
  const path = env.PRIVATE_KEY_PATH?.trim();
  if (!path) return '';
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new LinkmedicError('CONFIG_INVALID', `PRIVATE_KEY_PATH ${path} cannot be read: ${(error as Error).message.split('\n')[0]}`);
  }
}

const flag = (value: string | undefined): boolean => /^(1|true|yes)$/i.test(value?.trim() ?? '');

/**
 * Reads and checks every setting at once, so a misconfigured server reports all its problems in
 * one message (naming the variables, never their secret values) instead of failing later.
 */
export function readAppSettings(env: Env = process.env, cwd: string = process.cwd(), options: { webhooks?: boolean } = {}): AppSettings {
  // One-off passes (`run-nightly`, `run`) receive no webhooks, so they need no secret.
  const webhooks = options.webhooks ?? true;
  const gheHost = env.GHE_HOST?.trim();
  const candidate = {
    appId: env.APP_ID?.trim() || undefined,
    privateKey: readPrivateKey(env, cwd),
    webhookSecret: env.WEBHOOK_SECRET || (webhooks ? '' : 'unused: no webhooks in one-off passes'),
    baseUrl: gheHost ? `${env.GHE_PROTOCOL?.trim() || 'https'}://${gheHost}/api/v3` : 'https://api.github.com',
    cron: env.LINKMEDIC_CRON?.trim() || DEFAULT_CRON,
    timezone: env.LINKMEDIC_TZ?.trim() || 'UTC',
    dbPath: resolveDbPath({ env, cwd }),
    // Probot listens on localhost by default; a server in a container needs HOST=0.0.0.0.
    host: env.HOST?.trim() || 'localhost',
    port: env.PORT?.trim() || 3000,
    webhookPath: env.WEBHOOK_PATH?.trim() || '/api/github/webhooks',
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    allowPrivateNetworks: flag(env.LINKMEDIC_ALLOW_PRIVATE_NETWORKS),
    historyRetentionDays: /^off$/i.test(env.LINKMEDIC_HISTORY_RETENTION_DAYS?.trim() ?? '') ? null : env.LINKMEDIC_HISTORY_RETENTION_DAYS?.trim() || DEFAULT_HISTORY_RETENTION_DAYS,
    redisUrl: env.REDIS_URL?.trim() || undefined,
    metricsPort: env.METRICS_PORT?.trim() || DEFAULT_METRICS_PORT,
    redisPrefix: env.LINKMEDIC_REDIS_PREFIX?.trim() || 'linkmedic',
  };
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success) {
    const { redisUrl, ...rest } = parsed.data;
    return { ...rest, ...(redisUrl && { redisUrl }) };
  }
  const problems = parsed.error.issues.map((issue) => {
    if (issue.path[0] === 'appId' && candidate.appId === undefined) return 'APP_ID is required';
    if (issue.path[0] === 'privateKey' && candidate.privateKey === '') return 'PRIVATE_KEY or PRIVATE_KEY_PATH is required';
    return issue.message;
  });
  throw new LinkmedicError('CONFIG_INVALID', `the app cannot start: ${[...new Set(problems)].join('; ')}`, 'see docs/github-app.md for every variable');
}
