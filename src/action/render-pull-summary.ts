import { escapeCell, truncate } from '../github-app/dead-link-issues/markdown-text.js';
import type { CheckOutput } from '../github-app/pull-request-check/render-check-output.js';

const LEVEL = { failure: 'error', warning: 'warning', notice: 'notice' } as const;

/**
 * The job summary of a pull request's check: the check run's own title and table, then every
 * annotation, because GitHub shows only the first few of a step's annotations on the diff.
 */
export function renderPullSummary(output: CheckOutput, pullNumber: number): string {
  const rows = output.annotations.map((a) => `| ${LEVEL[a.annotation_level]} | ${escapeCell(`${a.path}:${a.start_line}`)} | ${escapeCell(a.title)} | ${escapeCell(truncate(a.message, 400))} |`);
  return [
    `## linkmedic on #${pullNumber}: ${output.title}`,
    '',
    output.summary,
    ...(rows.length > 0 ? ['', `### Every annotation (${rows.length})`, '', '| Level | Where | What | Detail |', '|---|---|---|---|', ...rows] : []),
  ].join('\n');
}

