import { parseRepoConfig } from '../../config/parse-repo-config.js';
import { REPO_CONFIG_PATH, type RepoConfig } from '../../config/repo-config.js';
import { isLinkmedicError } from '../../errors.js';
import type { GithubClient } from '../repo-run.js';
import { isNotFound } from '../github/request-status.js';

/** What `.github/linkmedic.yml` at a commit says. */
export type ConfigReading =
  /** No file: linkmedic does nothing here beyond onboarding. */
  | { kind: 'missing' }
  /** The file exists but is rejected; `message` is written for the maintainer. */
  | { kind: 'invalid'; message: string }
  | { kind: 'valid'; config: RepoConfig; text: string };

/** Reads the config at `ref` with the raw media type (the contents API's JSON caps at 1 MB). */
export async function readRepoConfig(octokit: GithubClient, target: { owner: string; repo: string; ref: string }): Promise<ConfigReading> {
  let text: unknown;
  try {
    const response = await octokit.rest.repos.getContent({ owner: target.owner, repo: target.repo, path: REPO_CONFIG_PATH, ref: target.ref, mediaType: { format: 'raw' } });
    text = response.data;
  } catch (error) {
    if (isNotFound(error)) return { kind: 'missing' };
    throw error;
  }
  if (typeof text !== 'string') return { kind: 'invalid', message: `${REPO_CONFIG_PATH} is not a file` };
  try {
    return { kind: 'valid', config: parseRepoConfig(text), text };
  } catch (error) {
    if (isLinkmedicError(error) && error.code === 'CONFIG_INVALID') return { kind: 'invalid', message: error.message };
    throw error;
  }
}
