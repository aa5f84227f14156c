import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAppSettings } from '../../src/github-app/app-settings.js';
import { isLinkmedicError } from '../../src/errors.js';

const PEM = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const dir = mkdtempSync(path.join(tmpdir(), 'linkmedic-settings-'));
writeFileSync(path.join(dir, 'app.pem'), PEM);
const BASE = { APP_ID: '42', PRIVATE_KEY: PEM, WEBHOOK_SECRET: 's3cret' };

describe('readAppSettings', () => {
  it('applies the documented defaults', () => {
    expect(readAppSettings(BASE, dir)).toEqual({
      appId: 42,
      privateKey: PEM,
      webhookSecret: 's3cret',
      baseUrl: 'https://api.github.com',
      cron: '0 3 * * *',
      timezone: 'UTC',
      dbPath: path.join(dir, '.linkmedic/linkmedic.db'),
      host: 'localhost',
      port: 3000,
      webhookPath: '/api/github/webhooks',
      logLevel: 'info',
      allowPrivateNetworks: false,
      historyRetentionDays: 90,
      metricsPort: 9464,
      redisPrefix: 'linkmedic',
    });
  });

  it.each([
    ['GHE_HOST and GHE_PROTOCOL form the REST base, as Probot builds it', { GHE_HOST: 'ghe.example.test:8443', GHE_PROTOCOL: 'http' }, { baseUrl: 'http://ghe.example.test:8443/api/v3' }],
    ['GHE_HOST alone means https', { GHE_HOST: 'ghe.example.test' }, { baseUrl: 'https://ghe.example.test/api/v3' }],
    ['the schedule, zone and database are read', { LINKMEDIC_CRON: '30 1 * * 1', LINKMEDIC_TZ: 'Europe/Berlin', LINKMEDIC_DB: 'data/h.db' }, { cron: '30 1 * * 1', timezone: 'Europe/Berlin', dbPath: path.join(dir, 'data/h.db') }],
    ['DATABASE_URL puts history and app state in Postgres', { DATABASE_URL: 'postgres://lm@db.internal:5432/linkmedic' }, { dbPath: 'postgres://lm@db.internal:5432/linkmedic' }],
    ['a key with literal \\n (as hosts store it)', { PRIVATE_KEY: PEM.replace(/\n/g, '\\n') }, { privateKey: PEM }],
    ['a base64 key', { PRIVATE_KEY: Buffer.from(PEM).toString('base64') }, { privateKey: PEM }],
    ['a key file', { PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: 'app.pem' }, { privateKey: PEM }],
    ['the in-process schedule turned off for an external cron', { LINKMEDIC_CRON: 'off' }, { cron: 'off' }],
    ['the operator allows private networks', { LINKMEDIC_ALLOW_PRIVATE_NETWORKS: 'true' }, { allowPrivateNetworks: true }],
    ['server settings', { HOST: '0.0.0.0', PORT: '8080', WEBHOOK_PATH: '/hooks', LOG_LEVEL: 'warn' }, { host: '0.0.0.0', port: 8080, webhookPath: '/hooks', logLevel: 'warn' }],
    ['PORT=0 asks for a free port', { PORT: '0' }, { port: 0 }],
    ['operating settings', { LINKMEDIC_HISTORY_RETENTION_DAYS: '30', REDIS_URL: 'redis://:pw@redis.internal:6379/2', METRICS_PORT: '9100' }, { historyRetentionDays: 30, redisUrl: 'redis://:pw@redis.internal:6379/2', metricsPort: 9100 }],
    ['history kept for ever', { LINKMEDIC_HISTORY_RETENTION_DAYS: 'off' }, { historyRetentionDays: null }],
    ['a queue on Redis, with its own key prefix', { REDIS_URL: 'redis://:pw@cache.internal:6380/2', LINKMEDIC_REDIS_PREFIX: 'lm-prod' }, { redisUrl: 'redis://:pw@cache.internal:6380/2', redisPrefix: 'lm-prod' }],
    ['Redis over TLS', { REDIS_URL: 'rediss://cache.internal' }, { redisUrl: 'rediss://cache.internal' }],
  ])('%s', (_name, env, expected) => {
    expect(readAppSettings({ ...BASE, ...env }, dir)).toMatchObject(expected);
  });

  it.each([
    ['nothing set', {}, ['APP_ID is required', 'PRIVATE_KEY or PRIVATE_KEY_PATH is required', 'WEBHOOK_SECRET is required']],
    ['bad values, all reported at once', { ...BASE, APP_ID: 'abc', LINKMEDIC_CRON: 'every night', LINKMEDIC_TZ: 'Mars/Olympus', PORT: 'x' }, ['APP_ID must be the numeric app id', 'LINKMEDIC_CRON is not a cron expression', 'LINKMEDIC_TZ is not an IANA time zone', 'PORT must be a port number']],
    ['bad operating values', { ...BASE, LINKMEDIC_HISTORY_RETENTION_DAYS: '-1', REDIS_URL: 'localhost:6379', METRICS_PORT: '70000' }, ['LINKMEDIC_HISTORY_RETENTION_DAYS must be a whole number of days or "off"', 'REDIS_URL must be a redis:// or rediss:// URL', 'METRICS_PORT']],
    ['a key that is not a PEM', { ...BASE, PRIVATE_KEY: 'not-a-key' }, ['is not a PEM private key']],
    ['an unreadable key file', { ...BASE, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: 'missing.pem' }, ['PRIVATE_KEY_PATH missing.pem cannot be read']],
    ['a Redis URL that is not one, and a prefix with a colon', { ...BASE, REDIS_URL: 'http://cache:6379', LINKMEDIC_REDIS_PREFIX: 'a:b' }, ['REDIS_URL must be a redis:// or rediss:// URL', 'LINKMEDIC_REDIS_PREFIX may hold']],
  ])('refuses %s with one CONFIG_INVALID message naming the variables', (_name, env, fragments) => {
    let thrown: unknown;
    try {
      readAppSettings(env, dir);
    } catch (error) {
      thrown = error;
    }
    expect(isLinkmedicError(thrown) && thrown.code).toBe('CONFIG_INVALID');
    const message = (thrown as Error).message;
    for (const fragment of fragments) expect(message).toContain(fragment);
    expect(message).not.toContain('BEGIN RSA');
    expect(message).not.toContain('\n');
  });

  it('needs no webhook secret for one-off passes, which receive no webhooks', () => {
    const { WEBHOOK_SECRET: _, ...env } = BASE;
    expect(() => readAppSettings(env, dir)).toThrow(/WEBHOOK_SECRET is required/);
    expect(readAppSettings(env, dir, { webhooks: false }).appId).toBe(42);
  });
});
