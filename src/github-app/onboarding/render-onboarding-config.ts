import { stringify } from 'yaml';
import { REPO_CONFIG_PATH, repoConfigSchema } from '../../config/repo-config.js';

/** Up to this many files are listed one by one; more means the default globs fit better. */
const MAX_LISTED_FILES = 30;

const comment = (text: string): string[] => text.match(/.{1,96}(\s|$)/g)?.map((line) => `# ${line.trim()}`) ?? [];

/**
 * The `.github/linkmedic.yml` an onboarding pull request proposes: `files` set to the markdown
 * found in the repository, every other key commented out at its default, each explained by the
 * schema's own description (the same text the README's reference is generated from).
 */
export function renderOnboardingConfig(markdownPaths: readonly string[]): string {
  const defaults = repoConfigSchema.parse({});
  const listed = markdownPaths.length > 0 && markdownPaths.length <= MAX_LISTED_FILES;
  const lines = [
    `# ${REPO_CONFIG_PATH}: linkmedic checks the links of the files below every night, keeps one`,
    '# report issue up to date, opens an issue per link that is confirmed dead and proposes safe fixes',
    '# in one pull request. Every key is optional; the commented ones show their defaults.',
    '',
  ];
  for (const [key, schema] of Object.entries(repoConfigSchema.shape)) {
    lines.push(...comment(schema.description ?? ''));
    if (key === 'files') {
      if (listed) lines.push(...stringify({ files: markdownPaths }).trimEnd().split('\n'));
      else {
        lines.push(`# linkmedic found ${markdownPaths.length} markdown files; the default globs below select them.`);
        lines.push(...stringify({ files: defaults.files }).trimEnd().split('\n'));
      }
    } else {
      const value = stringify({ [key]: defaults[key as keyof typeof defaults] }).trimEnd().split('\n');
      lines.push(...value.map((line) => `# ${line}`));
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
