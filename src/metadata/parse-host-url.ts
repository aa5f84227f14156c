import { parseUrlParts, type UrlParts } from './parse-url-parts.js';

/**
 * `url`'s parts when it is plain http(s) on one of `hosts` (any letter case, default port);
 * else undefined. The first step of reading a GitHub or Hugging Face repository link.
 */
export function parseHostUrl(url: string, hosts: ReadonlySet<string>): UrlParts | undefined {
  const parsed = parseUrlParts(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return undefined;
  return hosts.has(parsed.hostname.toLowerCase()) && parsed.port === '' ? parsed : undefined;
}
