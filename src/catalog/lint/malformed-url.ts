import { parseUrlParts } from '../../metadata/parse-url-parts.js';
import type { LintRule } from './lint-input.js';
import { findingAt } from './lint-input.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// eslint-disable-next-line no-control-regex
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/;
const HOST_LABEL = /^(?:[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?|xn--[a-z0-9-]+)$/i;

function problemWith(url: string, raw: string): string | undefined {
  if (WHITESPACE_OR_CONTROL.test(raw)) return 'contains whitespace or control characters';
  if (!SCHEME.test(url)) return undefined; // relative links are checked against the repository, not parsed as URLs
  const parsed = parseUrlParts(url);
  if (!parsed) return 'cannot be parsed as a URL';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (!parsed.hostname) return 'has no host';
  const hostname = parsed.hostname.replace(/^\[.*\]$/, 'ipv6').replace(/\.$/, '');
  if (!hostname.split('.').every((label) => HOST_LABEL.test(label))) return `has an invalid host "${parsed.hostname}"`;
  return undefined;
}

/** URLs no browser can open as written: unparsable, no host, a bad host, spaces or control characters. */
export const malformedUrl: LintRule = ({ source, occurrences }) =>
  occurrences.flatMap((occurrence) => {
    const problem = problemWith(occurrence.url, source.slice(occurrence.span.start, occurrence.span.end));
    return problem ? [findingAt(occurrence, 'malformed_url', `${occurrence.url || '(empty link)'} ${problem}`)] : [];
  });
