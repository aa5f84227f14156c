/**
 * Text from the catalog put into bot-written markdown: it must not break a table, inject HTML or
 * notify anyone (`@name` in an entry's name would mention that account on every update).
 */
export function escapeCell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/@(?=\w)/g, '@\u200b');
}

/**
 * A URL shown as code: never autolinked, so a dead `github.com/…/issues/1` in a catalog does not
 * put a cross-reference into someone else's issue each time linkmedic writes about it.
 */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest === 0 ? `${fence}${text}${fence}` : `${fence} ${text} ${fence}`;
}

/** `2026-11-09 03:00 UTC`: minutes are enough for nightly runs and keep bodies stable. */
export function formatTime(iso: string | Date): string {
  const text = typeof iso === 'string' ? iso : iso.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `https://github.com/o/r/blob/main/docs/README.md#L7`, each path segment encoded. */
export function blobLineUrl(place: { webOrigin: string; owner: string; repo: string; branch: string }, file: string, line: number): string {
  const path = (text: string) => text.split('/').map(encodeURIComponent).join('/');
  return `${place.webOrigin.replace(/\/+$/, '')}/${place.owner}/${place.repo}/blob/${path(place.branch)}/${path(file)}#L${line}`;
}
