import { Probot, type Logger } from 'probot';
import type { AppSettings } from './app-settings.js';
import { createAppOctokit, type GithubPacing } from './github/create-app-octokit.js';
import type { ThrottleGroups } from './github/throttle-groups.js';
import type { AppMetrics } from './ops/app-metrics.js';

/**
 * Probot configured from the settings: the app's key and secret, GitHub (or GHE) as `baseUrl`,
 * linkmedic's Octokit (reporting GitHub's rate limit to `metrics`), and `REDIS_URL`, with which
 * Probot accounts GitHub's rate limits in Redis for every replica. `defaults` so that Probot can
 * construct it. Pass `groups` to be able to close the Redis connection Probot opens (`ThrottleGroups.close`).
 */
export function appProbotClass(settings: AppSettings, options: { pacing?: GithubPacing; log?: Logger; groups?: ThrottleGroups; metrics?: AppMetrics } = {}): typeof Probot {
  const { metrics } = options;
  return Probot.defaults({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.baseUrl,
    logLevel: settings.logLevel,
    Octokit: createAppOctokit(options.pacing, {
      ...(options.groups && { groups: options.groups }),
      throttleId: settings.redisPrefix,
      ...(metrics && { observeHeaders: (headers) => metrics.observeGithubHeaders(headers) }),
    }),
    ...(settings.redisUrl && { redisConfig: settings.redisUrl }),
    ...(options.log && { log: options.log }),
  });
}
