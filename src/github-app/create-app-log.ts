import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppSettings } from './app-settings.js';

/** Where a token or secret could sit in a logged object (an Octokit error carries its request). */
const SECRET_PATHS = [
  'headers.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
  'request.headers.authorization',
  'err.request.headers.authorization',
  'err.response.headers.authorization',
  'privateKey',
  'webhookSecret',
  '*.privateKey',
  '*.webhookSecret',
];

/**
 * The app's logger: one JSON object per line on stdout (what log collectors read), at
 * `LOG_LEVEL`, with credentials redacted wherever an object logged with an error carries them.
 */
export function createAppLog(settings: Pick<AppSettings, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino({ name: 'linkmedic', level: settings.logLevel, redact: { paths: SECRET_PATHS, censor: '[redacted]' } }, destination ?? pino.destination(1));
}
