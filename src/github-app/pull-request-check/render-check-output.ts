import type { LintFinding } from '../../catalog/lint-finding.js';
import type { LinkOccurrence } from '../../catalog/link-occurrence.js';
import type { CheckResult } from '../../check/check-result.js';
import { codeSpan, escapeCell, truncate } from '../dead-link-issues/markdown-text.js';
import { judgeAddedLink, type LinkJudgement } from './judge-added-link.js';

/** A check run annotation as the checks API takes it. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

/** Check run conclusions this check uses. */
export type CheckConclusion =
  /** An added link is broken. */
  | 'failure'
  /** Nothing is broken, but an added link needs a human (or the checker was offline). */
  | 'neutral'
  /** Every added link works. */
  | 'success';

export interface CheckOutput {
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

/** The checks API caps `summary` at 65,535 characters. */
const MAX_SUMMARY = 60_000;

const LEVEL = { broken: 'failure', needs_look: 'warning', moved: 'notice' } as const;
const TITLE = { broken: 'Broken link', needs_look: 'Link needs a look', moved: 'Link redirects permanently' } as const;

function annotation(occurrence: LinkOccurrence, result: CheckResult, judgement: Exclude<LinkJudgement, 'fine'>): CheckAnnotation {
  const width = occurrence.span.end - occurrence.span.start;
  const moved = judgement === 'moved' && result.suggestion ? ` Link ${result.suggestion.url} directly.` : '';
  return {
    path: occurrence.file,
    start_line: occurrence.line,
    end_line: occurrence.line,
    start_column: occurrence.column,
    end_column: occurrence.column + Math.max(width, 1) - 1,
    annotation_level: LEVEL[judgement],
    title: TITLE[judgement],
    message: `${occurrence.url}: ${result.verdict} (${result.reason}). ${result.detail}${moved}`,
  };
}

/** Conclusion, summary table and one annotation per place of each added link that is not fine. */
export function renderCheckOutput(
  occurrencesByUrl: ReadonlyMap<string, LinkOccurrence[]>,
  results: ReadonlyMap<string, CheckResult>,
  findings: readonly LintFinding[],
  offline: string | undefined,
): CheckOutput {
  const counts: Record<LinkJudgement, number> = { broken: 0, needs_look: 0, moved: 0, fine: 0 };
  const annotations: CheckAnnotation[] = [];
  const rows: string[] = [];
  for (const [url, occurrences] of occurrencesByUrl) {
    const result = results.get(url);
    if (!result) continue;
    const judgement = judgeAddedLink(result.verdict);
    counts[judgement] += 1;
    if (judgement === 'fine') continue;
    annotations.push(...occurrences.map((o) => annotation(o, result, judgement)));
    const where = occurrences.map((o) => `${o.file}:${o.line}`).slice(0, 3).join(', ');
    rows.push(`| ${codeSpan(truncate(url, 200))} | ${escapeCell(where)} | ${result.verdict} (${escapeCell(result.reason)}) | ${escapeCell(truncate(result.detail, 200))} |`);
  }
  for (const finding of findings) {
    annotations.push({ path: finding.file, start_line: finding.line, end_line: finding.line, annotation_level: 'notice', title: 'Link written wrongly', message: finding.message });
  }
  annotations.sort((a, b) => a.path.localeCompare(b.path) || a.start_line - b.start_line);
  const total = occurrencesByUrl.size;
  const conclusion: CheckConclusion = counts.broken > 0 ? 'failure' : counts.needs_look > 0 || offline ? 'neutral' : 'success';
  const title =
    counts.broken > 0 ? `${counts.broken} broken link${counts.broken === 1 ? '' : 's'} added`
    : offline ? 'Links could not be checked'
    : counts.needs_look > 0 ? `${counts.needs_look} added link${counts.needs_look === 1 ? '' : 's'} need${counts.needs_look === 1 ? 's' : ''} a look`
    : `All ${total} added link${total === 1 ? '' : 's'} work`;
  const head = [
    `linkmedic checked the ${total} link${total === 1 ? '' : 's'} this pull request adds or changes: ${counts.broken} broken, ${counts.needs_look} to look at, ${counts.moved} permanently redirected, ${counts.fine} fine.`,
    ...(offline ? ['', `The checker could not reach the network (${offline}); nothing was judged dead.`] : []),
  ];
  const table = rows.length > 0 ? ['', '| Link | Where | Verdict | Detail |', '|---|---|---|---|'] : [];
  let length = [...head, ...table].join('\n').length;
  const shown: string[] = [];
  for (const row of rows) {
    if (length + row.length + 1 > MAX_SUMMARY) {
      shown.push(`| … and ${rows.length - shown.length} more | | | |`);
      break;
    }
    shown.push(row);
    length += row.length + 1;
  }
  return { conclusion, title, summary: [...head, ...table, ...shown].join('\n'), annotations };
}
