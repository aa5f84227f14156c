import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { CheckResult } from './check-result.js';
import { CHECK_REASONS, type CheckReason } from './check-reason.js';

/**
 * A `file:` URL (a relative catalog link the pipeline resolved) exists or not. Only paths under
 * `localRoot` are looked at: the hosted app must not reveal which files exist on its machine.
 */
export async function checkLocalFile(url: string, path: string, localRoot: string | undefined): Promise<CheckResult> {
  const result = (reason: CheckReason, detail: string): CheckResult => ({
    url, verdict: CHECK_REASONS[reason][0], reason, detail, redirects: [], elapsedMs: 0,
  });
  if (localRoot === undefined) return result('unsupported_scheme', 'file: links are checked only with a local root');
  const inside = relative(resolve(localRoot), resolve(path));
  if (inside.startsWith('..') || isAbsolute(inside)) return result('outside_local_root', `${path} is outside ${localRoot}`);
  try {
    await stat(path);
    return result('local_file', `${inside || '.'} exists`);
  } catch {
    return result('local_file_missing', `${inside} does not exist`);
  }
}
