import { decodeString } from 'micromark-util-decode-string';
import { normalizeUri } from 'micromark-util-sanitize-uri';

/**
 * The href a renderer emits for a markdown destination as written in the source: backslash escapes
 * and character references decoded, then percent-encoded the way CommonMark renderers do
 * (cmark-gfm and micromark agree on this; unsafe schemes are kept, as GitHub's sanitizer runs later
 * and is not ours to imitate).
 */
export function hrefFromDestination(source: string): string {
  return normalizeUri(decodeString(source));
}

/** Autolinks and bare URLs take their text literally: escapes are *not* decoded (GitHub keeps `\_`). */
export function hrefFromLiteral(source: string, prefix = ''): string {
  return normalizeUri(prefix + source);
}
