import type { GithubClient } from '../repo-run.js';
import { requestStatus } from '../github/request-status.js';

const COLORS: Record<string, string> = { 'dead link': 'b60205', linkmedic: '0e8a16' };

/** Creates the configured labels that the repository lacks, so new issues carry them as configured. */
export async function ensureLabels(octokit: GithubClient, where: { owner: string; repo: string }, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const existing = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { ...where, per_page: 100 });
  const known = new Set(existing.map((label) => label.name.toLowerCase()));
  for (const name of names) {
    if (known.has(name.toLowerCase())) continue;
    try {
      await octokit.rest.issues.createLabel({ ...where, name, color: COLORS[name.toLowerCase()] ?? 'ededed', description: 'Managed by linkmedic' });
    } catch (error) {
      // Another run (or a human) created it in between: the label exists, which is all we need.
      if (requestStatus(error) !== 422) throw error;
    }
    known.add(name.toLowerCase());
  }
}
