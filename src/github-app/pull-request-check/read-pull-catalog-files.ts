import { z } from 'zod';
import type { MarkdownFile } from '../../catalog/read-markdown-files.js';
import type { GithubClient } from '../repo-run.js';
import { matchesCatalogGlobs } from '../../config/matches-catalog-globs.js';

const pullFileSchema = z.object({
  filename: z.string(),
  status: z.string(),
  previous_filename: z.string().optional(),
});

/** The catalog files a pull request touches, as they are at its head and at its merge base. */
export interface PullCatalogFiles {
  head: MarkdownFile[];
  base: MarkdownFile[];
}

async function readText(octokit: GithubClient, where: { owner: string; repo: string }, path: string, ref: string): Promise<string> {
  const { data } = await octokit.rest.repos.getContent({ ...where, path, ref, mediaType: { format: 'raw' } });
  return z.string().parse(data);
}

/**
 * Reads only what the pull request changes: files matching the repository's `files` globs that it
 * adds, modifies or renames, at the head commit and (under their old name) at the merge base,
 * so that links already on the base branch are not the pull request's to answer for.
 */
export async function readPullCatalogFiles(
  octokit: GithubClient,
  where: { owner: string; repo: string },
  pull: { number: number; head: { sha: string }; base: { sha: string } },
  globs: readonly string[],
): Promise<PullCatalogFiles> {
  const isCatalog = matchesCatalogGlobs(globs);
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, { ...where, pull_number: pull.number, per_page: 100 });
  const touched = listed.map((raw) => pullFileSchema.parse(raw)).filter((file) => file.status !== 'removed' && isCatalog(file.filename));
  if (touched.length === 0) return { head: [], base: [] };
  const compare = await octokit.rest.repos.compareCommits({ ...where, base: pull.base.sha, head: pull.head.sha });
  const mergeBase = compare.data.merge_base_commit.sha;
  const head: MarkdownFile[] = [];
  const base: MarkdownFile[] = [];
  for (const file of touched) {
    head.push({ file: file.filename, text: await readText(octokit, where, file.filename, pull.head.sha) });
    if (file.status === 'added') continue;
    const before = file.previous_filename ?? file.filename;
    base.push({ file: before, text: await readText(octokit, where, before, mergeBase) });
  }
  return { head, base };
}
