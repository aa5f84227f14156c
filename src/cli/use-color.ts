import picocolors from 'picocolors';
import { NO_PAINT, type Paint } from '../report/paint.js';
import type { CliIo } from './cli-io.js';

/**
 * Colours only on a terminal, never when `NO_COLOR` is set to anything (no-color.org) or the
 * terminal is dumb; `FORCE_COLOR` (other than 0) forces them, as in Node's own tools.
 */
export function useColor(stream: CliIo['stdout'], env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** The renderers' paint for a stream: picocolors when colours are on, plain text otherwise. */
export function paintFor(stream: CliIo['stdout'], env: Readonly<Record<string, string | undefined>>): Paint {
  return useColor(stream, env) ? picocolors.createColors(true) : NO_PAINT;
}
