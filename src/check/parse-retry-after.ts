/**
 * Milliseconds to wait according to a `Retry-After` value: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3), tolerating the unit forms some servers send ("30s", "1m30s"). A date in
 * the past means "now" (0). Unparseable values give undefined: the caller backs off instead.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const units = /^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?$/i.exec(text);
  if (units && (units[1] ?? units[2] ?? units[3]) !== undefined) {
    const [, h = '0', m = '0', s = '0'] = units;
    return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000;
  }
  const date = Date.parse(text);
  if (Number.isNaN(date) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, date - now);
}
