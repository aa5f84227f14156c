import type { MarkdownFile } from '../../catalog/read-markdown-files.js';
import { MAX_MARKDOWN_BYTES } from '../../catalog/read-markdown-files.js';
import type { GithubClient } from '../repo-run.js';
import { matchesCatalogGlobs } from '../../config/matches-catalog-globs.js';

/** More files than this is a documentation site, not a catalog: the rest are left out, and said so. */
export const MAX_CATALOG_FILES = 200;

export interface CatalogFiles {
  files: MarkdownFile[];
  /** Every path the tree has (blobs only): onboarding lists the markdown among them. */
  treePaths: string[];
  /** Files left out and why, one sentence each, for the report's problems section. */
  problems: string[];
}

/** Lists the tree at `sha` (one request) and reads the configured markdown files as blobs. */
export async function readCatalogFiles(octokit: GithubClient, target: { owner: string; repo: string; sha: string }, globs: readonly string[]): Promise<CatalogFiles> {
  const { data: tree } = await octokit.rest.git.getTree({ owner: target.owner, repo: target.repo, tree_sha: target.sha, recursive: 'true' });
  const problems: string[] = [];
  if (tree.truncated) problems.push('the repository tree is too large for one listing; files beyond it were not checked');
  const blobs = new Map(tree.tree.filter((entry) => entry.type === 'blob' && entry.path && entry.sha).map((entry) => [entry.path!, entry] as const));
  const treePaths = [...blobs.keys()];
  let selected = treePaths.filter(matchesCatalogGlobs(globs));
  if (selected.length > MAX_CATALOG_FILES) {
    problems.push(`${selected.length} files match \`files\`; only the first ${MAX_CATALOG_FILES} were checked`);
    selected = selected.slice(0, MAX_CATALOG_FILES);
  }
  const files: MarkdownFile[] = [];
  for (const path of selected) {
    const entry = blobs.get(path)!;
    if ((entry.size ?? 0) > MAX_MARKDOWN_BYTES) {
      problems.push(`\`${path}\` is larger than 10 MB and was not checked`);
      continue;
    }
    const { data: blob } = await octokit.rest.git.getBlob({ owner: target.owner, repo: target.repo, file_sha: entry.sha! });
    const bytes = Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8');
    const text = decodeText(bytes);
    if (text === undefined) problems.push(`\`${path}\` is not UTF-8 text and was not checked`);
    else files.push({ file: path, text });
  }
  if (selected.length === 0) problems.push('no file matches `files` in the configuration');
  return { files, treePaths, problems };
}

function decodeText(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
