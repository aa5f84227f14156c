import { createHash } from 'node:crypto';

/**
 * The identity of a URL's dead-link issue: a hash, so the hidden marker never contains text a
 * human could mistake for content, and never carries characters (`-->`) that would end the comment.
 */
export function urlKey(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 32);
}
