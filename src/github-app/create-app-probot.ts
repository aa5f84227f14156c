import { Probot, type Logger } from 'probot';
import type { AppSettings } from './app-settings.js';
import { createAppOctokit, type GithubPacing } from './github/create-app-octokit.js';
import type { AppMetrics } from './ops/app-metrics.js';

/**
 * Probot configured from the settings: the app's key and secret, GitHub (or GHE) as `baseUrl`,
 * and linkmedic's Octokit, reporting GitHub's rate limit to `metrics`.
 */
export function appProbotClass(settings: AppSettings, options: { pacing?: GithubPacing; log?: Logger; metrics?: AppMetrics } = {}): typeof Probot {
  const { metrics } = options;
  return Probot.defaults({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.baseUrl,
    logLevel: settings.logLevel,
    Octokit: createAppOctokit(options.pacing, metrics && ((headers) => metrics.observeGithubHeaders(headers))),
    ...(options.log && { log: options.log }),
  });
}
