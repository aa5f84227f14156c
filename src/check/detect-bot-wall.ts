import type { IncomingHttpHeaders } from 'node:http';

const CLOUDFLARE_MARKERS = /<title>\s*(?:Just a moment\.\.\.|Attention Required! \| Cloudflare)|challenge-platform|cf-chl-|cf_chl_/i;

/**
 * Names the bot wall that answered instead of the page, or undefined. Signals are the ones the
 * walls document or that peers rely on: Cloudflare's `cf-mitigated: challenge` (or its challenge
 * page served by `server: cloudflare`), AWS WAF's `x-amzn-waf-action`, DataDome's header.
 */
export function detectBotWall(status: number, headers: IncomingHttpHeaders, body: string): string | undefined {
  if (headers['cf-mitigated'] === 'challenge') return 'a Cloudflare challenge';
  const server = String(headers.server ?? '').toLowerCase();
  if ((status === 403 || status === 503) && server === 'cloudflare' && CLOUDFLARE_MARKERS.test(body)) {
    return 'a Cloudflare challenge';
  }
  const waf = headers['x-amzn-waf-action'];
  if (waf === 'challenge' || waf === 'captcha') return `an AWS WAF ${waf}`;
  if (status === 403 && (headers['x-datadome'] !== undefined || server === 'datadome')) return 'a DataDome challenge';
  return undefined;
}
