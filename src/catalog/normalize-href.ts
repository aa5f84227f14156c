import { decodeString } from 'micromark-util-decode-string';
import { normalizeUri } from 'micromark-util-sanitize-uri';

/**
 * Characters `normalizeUri` keeps as they are (its own set, without `%`, which it keeps only before
 * two alphanumerics) and `decodeString` leaves alone (no `&` or `\`): a destination made only of
 * them is its own href. Most catalog links are; the check saves two passes over each.
 */
const ALREADY_HREF = /^[!#$'-;=?-Z_a-z~]*$/;

/**
 * The href a renderer emits for a markdown destination as written in the source: backslash escapes
 * and character references decoded, then percent-encoded the way CommonMark renderers do
 * (cmark-gfm and micromark agree on this; unsafe schemes are kept, as GitHub's sanitizer runs later
 * and is not ours to imitate).
 */
export function hrefFromDestination(source: string): string {
  return ALREADY_HREF.test(source) ? source : normalizeUri(decodeString(source));
}

/** Autolinks and bare URLs take their text literally: escapes are *not* decoded (GitHub keeps `\_`). */
export function hrefFromLiteral(source: string, prefix = ''): string {
  const value = prefix + source;
  return ALREADY_HREF.test(value) ? value : normalizeUri(value);
}
