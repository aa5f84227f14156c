import { createHash } from 'node:crypto';
import type { LinkReport } from '../../report/run-report.js';
import type { TimelinePoint } from '../../store/timeline-point.js';
import { blobLineUrl, codeSpan, escapeCell, formatTime, truncate } from './markdown-text.js';

export interface IssuePlace {
  webOrigin: string;
  owner: string;
  repo: string;
  /** Line links point at the default branch, where maintainers edit. */
  branch: string;
}

/** A dead-link issue's visible content, and the fingerprint that decides whether to rewrite it. */
export interface RenderedIssue {
  title: string;
  body: string;
  fingerprint: string;
}

const MAX_PLACES = 20;

const SUGGESTION_TEXT: Record<NonNullable<LinkReport['suggestion']>['kind'], string> = {
  permanent_redirect: 'replace it with the page it permanently redirects to',
  repo_rename: 'the repository was renamed or moved; link its new name',
  markdown_fix: 'the link is mistyped in the markdown; the corrected URL works',
  archive: 'link the archived copy from the Wayback Machine',
  https_upgrade: 'the same address works over https; link it with https://',
};

function shortUrl(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/, '');
}

function placesTable(link: LinkReport, place: IssuePlace): string[] {
  const rows = link.occurrences.slice(0, MAX_PLACES).map((o) => {
    const where = `[${escapeCell(`${o.file}:${o.line}`)}](${blobLineUrl(place, o.file, o.line)})`;
    return `| ${escapeCell(truncate(o.entry ?? '—', 120))} | ${escapeCell(truncate(o.section ?? '—', 120))} | ${where} |`;
  });
  const more = link.occurrences.length - MAX_PLACES;
  return ['| Entry | Section | Where |', '|---|---|---|', ...rows, ...(more > 0 ? [`| … and ${more} more | | |`] : [])];
}

function historyTable(recent: readonly TimelinePoint[], asOf: string): string[] {
  if (recent.length === 0) return [];
  const rows = [...recent].reverse().map((p) => `| ${formatTime(p.startedAt)} | ${p.verdict} | ${escapeCell(p.reason)}${p.conclusive ? '' : ' (run inconclusive)'} |`);
  return ['', `<details><summary>Verdicts of the last ${recent.length} runs, newest first (as of ${formatTime(asOf)})</summary>`, '', '| Run | Verdict | Reason |', '|---|---|---|', ...rows, '', '</details>'];
}

/**
 * The issue for one confirmed-dead link. The fingerprint covers what a maintainer acts on (where
 * the link is, why it fails, since when, what to replace it with) and leaves out what changes every
 * night (the run list), so a link that keeps failing the same way causes no edit and no notification.
 */
export function renderDeadLinkIssue(link: LinkReport, recent: readonly TimelinePoint[], place: IssuePlace, asOf: string): RenderedIssue {
  const first = link.occurrences[0];
  const title = truncate(`Dead link: ${first?.entry ? `${first.entry} (${shortUrl(link.url)})` : shortUrl(link.url)}`, 200);
  const history = link.history;
  const suggestion = link.suggestion;
  const body = [
    `${codeSpan(link.url)} is dead: ${escapeCell(link.detail)} (\`${link.reason}\`).`,
    '',
    ...placesTable(link, place),
    '',
    `- **First failure:** ${history?.firstFailedAt ? formatTime(history.firstFailedAt) : 'unknown'}`,
    `- **Last time alive:** ${history?.lastAliveAt ? formatTime(history.lastAliveAt) : 'never, in the runs linkmedic remembers'}`,
    `- **Suggestion:** ${suggestion ? `${SUGGESTION_TEXT[suggestion.kind]}: ${codeSpan(suggestion.url)}` : 'none found; replace or remove the entry'}`,
    ...historyTable(recent, asOf),
    '',
    '---',
    '<sub>linkmedic opened this issue because the link failed in several runs in a row. It closes the issue when the link works again or leaves the catalog. <b>Close it yourself to make linkmedic ignore this link</b>; reopen it to undo.</sub>',
  ].join('\n');
  const meaningful = {
    title,
    url: link.url,
    verdict: link.verdict,
    reason: link.reason,
    places: link.occurrences.map((o) => [o.file, o.line, o.entry ?? null, o.section ?? null]),
    suggestion: suggestion ?? null,
    firstFailedAt: history?.firstFailedAt ?? null,
    lastAliveAt: history?.lastAliveAt ?? null,
  };
  const fingerprint = createHash('sha256').update(JSON.stringify(meaningful)).digest('hex').slice(0, 16);
  return { title, body, fingerprint };
}
