import { pino, type Logger } from 'pino';
import { workflowCommand } from './workflow-commands.js';

const SECRET_PATHS = ['headers.authorization', '*.headers.authorization', 'err.request.headers.authorization', 'err.response.headers.authorization', 'token'];

/** pino's numeric levels → how the runner shows a line: debug folded away, warnings and errors flagged. */
function toWorkflowLine(json: string): string {
  const { level, msg, err, ...fields } = JSON.parse(json) as { level: number; msg?: string; err?: { message?: string } } & Record<string, unknown>;
  const extra = [...Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`), ...(err?.message ? [`error=${err.message}`] : [])];
  const text = `${msg ?? ''}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
  if (level >= 50) return workflowCommand('error', {}, text);
  if (level >= 40) return workflowCommand('warning', {}, text);
  if (level < 30) return workflowCommand('debug', {}, text);
  return text;
}

/**
 * The logger the shared steps write to, as workflow log lines: info as plain text, warnings and
 * errors as `::warning::`/`::error::` (so they are flagged on the run), debug only when the
 * workflow is re-run with debug logging (`RUNNER_DEBUG=1`). Credentials are redacted.
 */
export function createActionLog(write: (line: string) => void, debug: boolean): Logger {
  return pino(
    { level: debug ? 'debug' : 'info', base: undefined, timestamp: false, redact: { paths: SECRET_PATHS, censor: '[redacted]' } },
    { write: (json: string) => write(`${toWorkflowLine(json)}\n`) },
  );
}
