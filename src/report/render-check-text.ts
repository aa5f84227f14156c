import type { Verdict } from '../check/verdict.js';
import type { LinkReport, RunReport } from './run-report.js';

/** Problem groups in the order a maintainer should act on them. */
const GROUPS: Array<{ title: string; verdicts: Verdict[] }> = [
  { title: 'Dead', verdicts: ['dead'] },
  { title: 'Failing (may be temporary)', verdicts: ['server_error', 'timeout', 'network_error', 'tls_error', 'malformed'] },
  { title: 'Needs a human (not dead: login, bot wall or rate limit)', verdicts: ['restricted', 'blocked', 'rate_limited'] },
  { title: 'Moved (a fix is proposed)', verdicts: ['redirected'] },
];

function place(link: LinkReport): string {
  const [first] = link.occurrences;
  if (!first) return '';
  const more = link.occurrences.length > 1 ? ` (+${link.occurrences.length - 1} more)` : '';
  return `${first.file}:${first.line}${first.entry ? `  ${first.entry}` : ''}${more}`;
}

function linkLines(link: LinkReport): string[] {
  const history = link.history?.confirmedDead ? ', confirmed dead' : link.history && link.history.consecutiveFailures > 1 ? `, failing ${link.history.consecutiveFailures} runs` : '';
  const lines = [`  ${place(link)}`, `    ${link.url}`, `    ${link.verdict} (${link.reason}${history}): ${link.detail}`];
  if (link.suggestion) lines.push(`    suggestion (${link.suggestion.kind}): ${link.suggestion.url}`);
  return lines;
}

/** The default output of `linkmedic check`: a verdict summary, then each problem with where it is. */
export function renderCheckText(report: RunReport): string {
  const out: string[] = [];
  if (!report.conclusive) {
    out.push(
      `Inconclusive: ${(report.inconclusiveReason ?? 'linkmedic could not reach the network').replace(/\.+$/, '')}.`,
      'No link was judged dead from this run; run it again where the network works.',
      '',
    );
  }
  for (const group of GROUPS) {
    const links = report.links.filter((link) => group.verdicts.includes(link.verdict));
    if (links.length === 0) continue;
    out.push(`${group.title} (${links.length}):`, ...links.flatMap(linkLines), '');
  }
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
