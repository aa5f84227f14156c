import { FAILING_VERDICTS, HUMAN_VERDICTS } from '../../check/verdict.js';
import type { RepoConfig } from '../../config/repo-config.js';
import type { RunReport } from '../../report/run-report.js';
import { recheckLinks } from '../commands/recheck-links.js';
import { urlKey } from '../dead-link-issues/url-key.js';
import type { GithubClient } from '../repo-run.js';
import type { StepRuntime } from '../repository/step-runtime.js';
import { tickId, type Tick } from './report-checkboxes.js';

export interface TickTarget {
  octokit: GithubClient;
  repoKey: string;
  config: RepoConfig;
  /** The run the report shows: its links are what the boxes' keys refer to. */
  report: RunReport;
}

/** The links "recheck every failing link" means: failing or needing a human, and not ignored. */
export function failingUrls(report: RunReport, ignored: ReadonlySet<string>): string[] {
  return report.links
    .filter((link) => (FAILING_VERDICTS.has(link.verdict) || HUMAN_VERDICTS.has(link.verdict) || link.history?.confirmedDead) && !ignored.has(link.url))
    .map((link) => link.url);
}

/**
 * Acts on ticked boxes: ignores and un-ignores are remembered, rechecks run now and their answers
 * are kept for the report. Returns the ids of every tick handled (unknown keys included: their
 * box is simply not drawn again), so the rewrite unticks exactly these.
 */
export async function applyReportTicks(rt: StepRuntime, target: TickTarget, ticks: readonly Tick[], by: string): Promise<Set<string>> {
  const ignored = await rt.memory.ignoredUrls(target.repoKey);
  const urlOf = new Map<string, string>();
  for (const url of [...target.report.links.map((link) => link.url), ...ignored.keys()]) urlOf.set(urlKey(url), url);
  const recheck = new Set<string>();
  const at = rt.now();
  for (const tick of ticks) {
    const url = tick.key ? urlOf.get(tick.key) : undefined;
    if (tick.verb === 'recheck-all') for (const failing of failingUrls(target.report, new Set(ignored.keys()))) recheck.add(failing);
    else if (!url) continue;
    else if (tick.verb === 'recheck') recheck.add(url);
    else if (tick.verb === 'ignore') await rt.memory.ignore(target.repoKey, url, by, at);
    else await rt.memory.unignore(target.repoKey, url);
  }
  if (recheck.size > 0) await recheckLinks(rt, target, [...recheck], by);
  if (ticks.length > 0) rt.log.info({ repo: target.repoKey, ticks: ticks.map(tickId), by }, 'report checkboxes acted on');
  return new Set(ticks.map(tickId));
}
