import { NO_PAINT, paintTone, type Paint } from './paint.js';
import { HTTPS_UPGRADE_TITLE, isHttpsUpgradeOnly, PROBLEM_GROUPS, toneOf } from './problem-groups.js';
import type { LinkReport, RunReport } from './run-report.js';

function place(link: LinkReport): string {
  const [first] = link.occurrences;
  if (!first) return '';
  const more = link.occurrences.length > 1 ? ` (+${link.occurrences.length - 1} more)` : '';
  return `${first.file}:${first.line}${first.entry ? `  ${first.entry}` : ''}${more}`;
}

function linkLines(link: LinkReport, paint: Paint): string[] {
  const history = link.history?.confirmedDead ? ', confirmed dead' : link.history && link.history.consecutiveFailures > 1 ? `, failing ${link.history.consecutiveFailures} runs` : '';
  const verdict = paintTone(paint, toneOf(link.verdict))(link.verdict);
  const lines = [`  ${place(link)}`, `    ${link.url}`, `    ${verdict} (${link.reason}${history}): ${link.detail}`];
  if (link.suggestion) lines.push(`    suggestion (${link.suggestion.kind}): ${paint.cyan(link.suggestion.url)}`);
  return lines;
}

/** The default output of `linkmedic check`: each problem with where it is (plain http links last), then a summary. */
export function renderCheckText(report: RunReport, paint: Paint = NO_PAINT): string {
  const out: string[] = [];
  if (!report.conclusive) {
    out.push(
      paint.yellow(`Inconclusive: ${(report.inconclusiveReason ?? 'linkmedic could not reach the network').replace(/\.+$/, '')}.`),
      'No link was judged dead from this run; run it again where the network works.',
      '',
    );
  }
  for (const group of PROBLEM_GROUPS) {
    const links = report.links.filter((link) => group.verdicts.includes(link.verdict));
    if (links.length === 0) continue;
    out.push(paint.bold(`${group.title} (${links.length}):`), ...links.flatMap((link) => linkLines(link, paint)), '');
  }
  const upgrades = report.links.filter(isHttpsUpgradeOnly);
  if (upgrades.length > 0) out.push(paint.bold(`${HTTPS_UPGRADE_TITLE} (${upgrades.length}):`), ...upgrades.flatMap((link) => linkLines(link, paint)), '');
  const counts = Object.entries(report.summary)
    .filter(([verdict, count]) => verdict !== 'total' && count > 0)
    .map(([verdict, count]) => `${count} ${verdict}`)
    .join(', ');
  const fixable = report.findings.filter((finding) => finding.fix).length;
  out.push(
    `${report.summary.total} links checked in ${(report.stats.elapsedMs / 1000).toFixed(1)} s: ${counts || 'none'}.`,
    `${report.findings.length} findings about how the catalog is written${fixable ? ` (${fixable} with a fix)` : ''}; see linkmedic extract.`,
  );
  return `${out.join('\n')}\n`;
}
