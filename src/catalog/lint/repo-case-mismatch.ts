import type { LinkOccurrence } from '../link-occurrence.js';
import type { LintRule } from './lint-input.js';
import { findingAt } from './lint-input.js';
import { parseGithubRepoUrl } from '../../metadata/github/parse-github-repo-url.js';
import { parseHuggingFaceUrl } from '../../metadata/huggingface/parse-hugging-face-url.js';

/**
 * Whether the URL parser could read a GitHub or Hugging Face host from `url`: it lowercases ASCII,
 * drops tabs and newlines, decodes `%` escapes and maps other characters, so only URLs of plain
 * printable ASCII without `%` and without those names are ruled out (most of a catalog).
 */
const MAY_NAME_REPO_HOST = /[^\x21-\x7e]|%|github|huggingface|hf\.co/i;

/** `github:Owner/Name` or `huggingface:dataset/Owner/Name`, letter case kept; undefined for other links. */
function repoKey(url: string): string | undefined {
  if (!MAY_NAME_REPO_HOST.test(url)) return undefined;
  const github = parseGithubRepoUrl(url);
  if (github) return `github:${github.owner}/${github.repo}`;
  const hub = parseHuggingFaceUrl(url);
  return hub ? `huggingface:${hub.kind}/${hub.id}` : undefined;
}

/**
 * GitHub and Hugging Face repository names are case-insensitive, so `Org/Repo` and `org/repo` are
 * one repository written two ways: the catalog looks inconsistent and duplicate checks miss it.
 * The spelling used most often (first seen on a tie) is taken as the intended one.
 */
export const repoCaseMismatch: LintRule = ({ occurrences }) => {
  const spellings = new Map<string, Map<string, LinkOccurrence[]>>();
  for (const occurrence of occurrences) {
    const key = repoKey(occurrence.url);
    if (!key) continue;
    const byCase = spellings.get(key.toLowerCase()) ?? new Map<string, LinkOccurrence[]>();
    byCase.set(key, [...(byCase.get(key) ?? []), occurrence]);
    spellings.set(key.toLowerCase(), byCase);
  }
  return [...spellings.values()]
    .filter((byCase) => byCase.size > 1)
    .flatMap((byCase) => {
      const ranked = [...byCase].sort((a, b) => b[1].length - a[1].length);
      const [preferred] = ranked[0]!;
      const shown = preferred.slice(preferred.indexOf(':') + 1);
      return ranked.slice(1).flatMap(([, variants]) =>
        variants.map((occurrence) =>
          findingAt(occurrence, 'repo_case_mismatch', `${occurrence.url} spells the repository differently from ${shown} elsewhere in the catalog`),
        ),
      );
    });
};
