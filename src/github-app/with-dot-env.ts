import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { Env } from './app-settings.js';

/**
 * The environment with `.env` from `cwd` underneath it (real variables win), as Probot's own
 * `run` reads it: its setup page writes the registered app's APP_ID, PRIVATE_KEY and
 * WEBHOOK_SECRET there.
 */
export function withDotEnv(env: Env, cwd: string): Env {
  let text: string;
  try {
    text = readFileSync(join(cwd, '.env'), 'utf8');
  } catch {
    return env;
  }
  const fromFile = parseEnv(text) as Record<string, string>;
  return { ...fromFile, ...Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) };
}
