import type { HistoryLink } from '../history-report.js';
import { toneOf } from '../problem-groups.js';
import { formatDay } from '../text-format.js';
import { html, safeHref, type HtmlValue, type SafeHtml } from './html.js';
import { verdictStrip } from './verdict-strip.js';

const SUGGESTION_LABEL = { permanent_redirect: 'Moved to', repo_rename: 'Renamed to', markdown_fix: 'Fixed form', archive: 'Archived copy', https_upgrade: 'Over https' } as const;

/** A URL as a link when following it is harmless, else as text; shown without its `https://`. */
export function urlLink(url: string, label: HtmlValue = url.replace(/^https?:\/\//, '')): SafeHtml {
  const href = safeHref(url);
  return href ? html`<a href="${href}" rel="noreferrer">${label}</a>` : html`<span>${label}</span>`;
}

/** Wayback URLs are long and alike; their capture date is what tells them apart. */
function suggestionLabel(url: string): string {
  const capture = /^https?:\/\/web\.archive\.org\/web\/(\d{4})(\d{2})(\d{2})\d*\//.exec(url);
  return capture ? `web.archive.org, captured ${capture[1]}-${capture[2]}-${capture[3]}` : url.replace(/^https?:\/\//, '');
}

function placeCell(link: HistoryLink): SafeHtml {
  const [first] = link.places;
  if (!first) return html``;
  const more = link.places.length > 1 ? ` (+${link.places.length - 1} more)` : '';
  return html`<strong>${first.entry ?? ''}</strong><span class="place"><br>${first.file}:${first.line}${first.section ? ` · ${first.section}` : ''}${more}</span>`;
}

function streak({ history }: HistoryLink): string {
  if (history.consecutiveFailures === 0) return history.lastAliveAt ? `last alive ${formatDay(history.lastAliveAt)}` : '';
  const since = history.firstFailedAt ? ` since ${formatDay(history.firstFailedAt)}` : '';
  return `failing ${history.consecutiveFailures} run${history.consecutiveFailures === 1 ? '' : 's'}${since}`;
}

/** One group of problem links: where, what, the verdict with its history strip, and the suggested fix. */
export function problemTable(links: readonly HistoryLink[]): SafeHtml {
  const rows = links.map((link) => {
    const tone = toneOf(link.verdict);
    return html`<tr data-url="${link.url}">
<td>${placeCell(link)}</td>
<td>${urlLink(link.url)}</td>
<td><span class="verdict ${tone}">${link.verdict}</span>${link.history.confirmedDead ? html`<span class="badge">confirmed dead</span>` : ''}<br><span class="reason">${link.reason}</span> ${link.detail}</td>
<td>${verdictStrip(link.timeline)}<span class="streak">${streak(link)}</span></td>
<td>${link.suggestion ? html`${SUGGESTION_LABEL[link.suggestion.kind]}<br>${urlLink(link.suggestion.url, suggestionLabel(link.suggestion.url))}` : ''}</td>
</tr>`;
  });
  return html`<table class="problems">
<colgroup><col class="c-entry"><col class="c-link"><col class="c-verdict"><col class="c-history"><col class="c-suggestion"></colgroup>
<thead><tr><th>Entry</th><th>Link</th><th>Verdict</th><th>History</th><th>Suggestion</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}
