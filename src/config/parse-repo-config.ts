import { parse as parseYaml } from 'yaml';
import { LinkmedicError } from '../errors.js';
import { REPO_CONFIG_PATH, repoConfigSchema, type RepoConfig } from './repo-config.js';

/**
 * Parses `.github/linkmedic.yml`. Any problem (bad YAML, unknown key, bad value) is a
 * `CONFIG_INVALID` error whose message lists every problem with its key path, written for the
 * maintainer who will read it in the report issue or a check run.
 */
export function parseRepoConfig(text: string, path = REPO_CONFIG_PATH): RepoConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new LinkmedicError('CONFIG_INVALID', `${path} is not valid YAML: ${reason}`);
  }
  const parsed = repoConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return issue.code === 'unrecognized_keys' ? `${key}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : `${key}: ${issue.message}`;
  });
  throw new LinkmedicError('CONFIG_INVALID', `${path} is invalid: ${problems.join('; ')}`, `see the configuration reference in linkmedic's README`);
}
