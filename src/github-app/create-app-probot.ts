import { Probot, type Logger } from 'probot';
import type { AppSettings } from './app-settings.js';
import { createAppOctokit, type GithubPacing } from './github/create-app-octokit.js';

/**
 * Probot configured from the settings: the app's key and secret, GitHub (or GHE) as `baseUrl`,
 * and linkmedic's Octokit. `defaults` so that Probot's `Server` can construct it.
 */
export function appProbotClass(settings: AppSettings, options: { pacing?: GithubPacing; log?: Logger } = {}): typeof Probot {
  return Probot.defaults({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.baseUrl,
    logLevel: settings.logLevel,
    Octokit: createAppOctokit(options.pacing),
    ...(options.log && { log: options.log }),
  });
}
