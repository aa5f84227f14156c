import type { Logger } from 'pino';
import type { GithubClient } from '../github-app/repo-run.js';
import type { ActionSettings } from './action-settings.js';

/** One step's world: settings, the GitHub client, where lines go, and the outside world passed in. */
export interface ActionContext {
  settings: ActionSettings;
  octokit: GithubClient;
  log: Logger;
  /** Writes to the step's log (stdout): workflow commands and plain lines. */
  write: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  now: () => Date;
}

/** What a step ends with: its outputs, and whether the job fails. */
export interface ActionResult {
  outputs: { dead: number; 'report-url': string };
  failed: boolean;
}
