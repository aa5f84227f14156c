import { parseUrlParts, type UrlParts } from '../../metadata/parse-url-parts.js';
import type { LinkOccurrence } from '../link-occurrence.js';
import type { LintRule } from './lint-input.js';
import { findingAt } from './lint-input.js';

/** Same resource for a reader: host case, a trailing slash and the fragment do not matter. */
function sameResourceKey(parsed: UrlParts | null): string | undefined {
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.hostname.toLowerCase().replace(/^www\./, '')}${path}${parsed.search}`;
}

/**
 * The same URL listed for two different entries of one section (one table or list) is usually a
 * copy-paste slip: two papers pointing at one arXiv id. Across sections it is normal for a catalog
 * (a project's dataset row and its model row share a repository), so those are not compared, nor
 * are images (badges) and links outside any entry.
 */
export const duplicateUrl: LintRule = ({ occurrences }) => {
  const firstByKey = new Map<string, LinkOccurrence>();
  return occurrences.flatMap((occurrence) => {
    if (occurrence.kind === 'image' || occurrence.html?.tag === 'img' || !occurrence.entry) return [];
    const resource = sameResourceKey(parseUrlParts(occurrence.url));
    if (!resource) return [];
    const key = `${occurrence.section.join('\u0000')}\u0000${resource}`;
    const first = firstByKey.get(key);
    if (!first) {
      firstByKey.set(key, occurrence);
      return [];
    }
    if (first.entry === occurrence.entry) return [];
    return [
      findingAt(
        occurrence,
        'duplicate_url',
        `${occurrence.url} is listed for "${occurrence.entry}" and also for "${first.entry}" (line ${first.line})`,
      ),
    ];
  });
};
