import type { RepoConfig } from '../../config/repo-config.js';
import { checkLinks } from '../../pipeline/check-links.js';
import { asMetadataClient } from '../github/as-metadata-client.js';
import type { GithubClient } from '../repo-run.js';
import type { StepRuntime } from '../repository/step-runtime.js';
import type { Recheck } from '../state/repo-memory.js';

/**
 * Checks `urls` again right now and remembers the answers for the report. Rechecks are not
 * recorded in history: history holds whole scheduled runs, so streaks, the dead rules and the
 * availability chart keep comparing like with like. The next scheduled run records them.
 */
export async function recheckLinks(
  rt: StepRuntime,
  target: { octokit: GithubClient; repoKey: string; config: RepoConfig },
  urls: readonly string[],
  askedBy: string,
): Promise<Recheck[]> {
  if (urls.length === 0) return [];
  const http = rt.httpFor(target.config.allowPrivateNetworks);
  try {
    const exclude = target.config.exclude.map((source) => new RegExp(source));
    const checks = await checkLinks(urls, { check: { ...rt.check, timeoutMs: target.config.timeoutMs }, exclude }, {
      http,
      env: rt.env,
      now: rt.now,
      ...(rt.sleep && { sleep: rt.sleep }),
      github: { client: asMetadataClient(target.octokit) },
    });
    const at = rt.now();
    const rechecks: Recheck[] = [];
    for (const url of urls) {
      const checked = checks.links.get(url);
      if (!checked) continue;
      const recheck: Recheck = { url, at, verdict: checked.result.verdict, detail: checked.result.detail, askedBy };
      await rt.memory.saveRecheck(target.repoKey, recheck);
      rechecks.push(recheck);
    }
    return rechecks;
  } finally {
    await http.close();
  }
}
