import type { Extraction } from '../catalog/extract-markdown.js';
import type { LinkOccurrence } from '../catalog/link-occurrence.js';
import { checkOutcomeOf } from '../check/check-outcome.js';
import { VERDICT_NAMES } from '../check/verdict.js';
import type { CheckedLink } from '../pipeline/checked-link.js';
import type { LinkState } from '../store/link-state.js';
import type { RepoTrend } from '../store/queries/repo-trend.js';
import { historySummaryOf } from './history-summary.js';
import type { FindingReport, LinkReport, OccurrenceReport, RunReport, RunStats } from './run-report.js';

export interface RunReportInput {
  catalog: string;
  startedAt: Date;
  finishedAt: Date;
  conclusive: boolean;
  inconclusiveReason?: string;
  extractions: readonly Extraction[];
  /** Every occurrence of the extractions, by URL in catalog order (the pipeline groups them once). */
  occurrencesByUrl: ReadonlyMap<string, readonly LinkOccurrence[]>;
  links: ReadonlyMap<string, CheckedLink>;
  /** Derived from history; absent for a stateless run. */
  states?: ReadonlyMap<string, LinkState>;
  /** Keyed by the link's URL. */
  trends?: ReadonlyMap<string, RepoTrend>;
  stats: RunStats;
}

const occurrenceReport = (occurrence: LinkOccurrence): OccurrenceReport => ({
  file: occurrence.file,
  line: occurrence.line,
  column: occurrence.column,
  ...(occurrence.entry && { entry: occurrence.entry }),
  ...(occurrence.section.length > 0 && { section: occurrence.section.join(' > ') }),
  ...(occurrence.tableColumn && { tableColumn: occurrence.tableColumn }),
  kind: occurrence.kind,
  span: occurrence.span,
});

function linkReport(link: CheckedLink, occurrences: readonly LinkOccurrence[], state?: LinkState, trend?: RepoTrend): LinkReport {
  const { result, github, huggingface } = link;
  const githubTrend = trend?.host === 'github' ? trend : undefined;
  const hubTrend = trend?.host === 'huggingface' ? trend : undefined;
  return {
    ...checkOutcomeOf(result),
    redirects: result.redirects,
    occurrences: occurrences.map(occurrenceReport),
    elapsedMs: result.elapsedMs,
    checkedBy: link.checkedBy,
    ...(link.apiFallback && { apiFallback: link.apiFallback }),
    ...(github && {
      github: {
        fullName: github.fullName,
        stars: github.stars,
        forks: github.forks,
        archived: github.archived,
        pushedAt: github.pushedAt,
        license: github.license,
        ...(githubTrend?.starsDelta7d !== undefined && { starsDelta7d: githubTrend.starsDelta7d }),
        ...(githubTrend?.starsDelta30d !== undefined && { starsDelta30d: githubTrend.starsDelta30d }),
      },
    }),
    ...(huggingface && {
      huggingface: {
        id: huggingface.id,
        kind: huggingface.kind,
        likes: huggingface.likes,
        downloads: huggingface.downloads,
        gated: huggingface.gated,
        disabled: huggingface.disabled,
        lastModified: huggingface.lastModified,
        ...(hubTrend?.likesDelta30d !== undefined && { likesDelta30d: hubTrend.likesDelta30d }),
      },
    }),
    ...(state && { history: historySummaryOf(state) }),
  };
}

const findingReport = ({ code, message, file, line, column, occurrence, fix }: Extraction['findings'][number]): FindingReport => ({
  code,
  message,
  file,
  line,
  column,
  ...(occurrence && { url: occurrence.url }),
  ...(fix && { fix }),
});

/** Stage 5 input: the run as one JSON document, links in catalog order. */
export function buildRunReport(input: RunReportInput): RunReport {
  const links = [...input.occurrencesByUrl].flatMap(([url, occurrences]) => {
    const link = input.links.get(url);
    return link ? [linkReport(link, occurrences, input.states?.get(url), input.trends?.get(url))] : [];
  });
  const summary = Object.fromEntries(VERDICT_NAMES.map((verdict) => [verdict, 0])) as RunReport['summary'];
  summary.total = links.length;
  for (const link of links) summary[link.verdict]++;
  return {
    schemaVersion: 1,
    catalog: input.catalog,
    conclusive: input.conclusive,
    ...(input.inconclusiveReason && { inconclusiveReason: input.inconclusiveReason }),
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    summary,
    links,
    findings: input.extractions.flatMap((extraction) => extraction.findings.map(findingReport)),
    stats: input.stats,
  };
}
