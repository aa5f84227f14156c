import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { CheckAnnotation } from '../github-app/pull-request-check/render-check-output.js';

// The runner's workflow commands, written by hand rather than through @actions/core: that package
// reads `process.env` and writes to `process.stdout` itself, and linkmedic passes both in. The
// formats are the runner's documented ones (see actions/toolkit, packages/core/src/command.ts).

/** A command's message: `%`, CR and LF would end or corrupt the line. */
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A property value also must not contain the separators `:` and `,`. */
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::name key=value,…::message` (one line). */
export function workflowCommand(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

const COMMAND = { failure: 'error', warning: 'warning', notice: 'notice' } as const;

/** A check-run annotation as the runner's annotation command, on the same file, lines and columns. */
export function annotationCommand(annotation: CheckAnnotation): string {
  return workflowCommand(
    COMMAND[annotation.annotation_level],
    {
      file: annotation.path,
      line: annotation.start_line,
      endLine: annotation.end_line,
      col: annotation.start_column,
      endColumn: annotation.end_column,
      title: annotation.title,
    },
    annotation.message,
  );
}

/** Appends step outputs to `$GITHUB_OUTPUT` in its multi-line form, safe for any value. */
export function writeOutputs(file: string, outputs: Record<string, string | number>): void {
  const lines = Object.entries(outputs).map(([name, value]) => {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    return `${name}<<${delimiter}\n${String(value)}\n${delimiter}\n`;
  });
  appendFileSync(file, lines.join(''));
}

/** GitHub shows at most 1 MiB of summary per step; longer ones are refused whole. */
export const MAX_SUMMARY_BYTES = 1024 * 1024;

/** Appends markdown to the job summary (`$GITHUB_STEP_SUMMARY`), cut to fit with a note. */
export function writeSummary(file: string, markdown: string): void {
  let text = `${markdown.trimEnd()}\n`;
  if (Buffer.byteLength(text) > MAX_SUMMARY_BYTES) {
    const note = '\n\n… (cut: the summary of a step holds at most 1 MiB)\n';
    text = Buffer.from(text).subarray(0, MAX_SUMMARY_BYTES - Buffer.byteLength(note) - 4).toString('utf8').replace(/\uFFFD$/, '') + note;
  }
  appendFileSync(file, text);
}
