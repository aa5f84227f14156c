/** First line of every report body: with the app's authorship, the report's identity. */
export const REPORT_MARKER = '<!-- linkmedic:report -->';

/** Everything after this line is numbers and the footer: they alone never justify a rewrite. */
export const NUMBERS_MARKER = '<!-- linkmedic:numbers -->';

const WRITTEN = /<!-- linkmedic:written=(\d{4}-\d\d-\d\dT[\d:.]+Z) -->/;

export const isReportBody = (body: string | null | undefined): boolean => (body ?? '').includes(REPORT_MARKER);

export const writtenMarker = (at: Date): string => `<!-- linkmedic:written=${at.toISOString()} -->`;

/** When linkmedic last wrote the body (absent for bodies it did not write, or edited away). */
export function writtenAt(body: string | null | undefined): Date | undefined {
  const match = WRITTEN.exec(body ?? '');
  return match ? new Date(match[1]!) : undefined;
}

/** The part of a body whose change is worth a write: the lists and their checkboxes. */
export function meaningfulPart(body: string | null | undefined): string {
  const text = (body ?? '').replace(/\r\n/g, '\n');
  const at = text.indexOf(NUMBERS_MARKER);
  return at < 0 ? text : text.slice(0, at);
}
