import type { CheckReason } from './check-reason.js';
import type { ProbeResponse } from './send-probe.js';

const DRIVE_HOSTS = new Set(['drive.google.com', 'docs.google.com', 'drive.usercontent.google.com']);
const NOT_FOUND = /the file you have requested does not exist|unable to retrieve this document/i;
const QUOTA = /too many users have viewed or downloaded this file|quota exceeded/i;

/** Whether a response from this URL needs its page read (Drive states are only in the page). */
export const isGoogleDriveHost = (url: URL): boolean => DRIVE_HOSTS.has(url.hostname.toLowerCase());

/**
 * Google-specific outcomes (shared/notes/metadata-apis.md §5): Drive's "does not exist" page
 * (404, sometimes 403) is dead, its quota page is a rate limit, and `/sorry/` is Google's
 * reCAPTCHA wall. A private file redirects to accounts.google.com: the generic login-wall rule.
 */
export function classifyGoogle(final: URL, response: ProbeResponse): { reason: CheckReason; detail: string } | undefined {
  const host = final.hostname.toLowerCase();
  if ((host === 'www.google.com' || host === 'google.com') && final.pathname.startsWith('/sorry/')) {
    return { reason: 'bot_challenge', detail: "Google's automated-traffic (sorry) page answered" };
  }
  if (!DRIVE_HOSTS.has(host)) return undefined;
  if (NOT_FOUND.test(response.body)) {
    return { reason: 'drive_file_not_found', detail: `Google Drive says the file does not exist (HTTP ${response.status})` };
  }
  if (QUOTA.test(response.body)) {
    return { reason: 'quota_exceeded', detail: 'Google Drive download quota exceeded for this file; try later' };
  }
  return undefined;
}
