import { formatTime } from '../dead-link-issues/markdown-text.js';
import { renderAvailabilityChart, renderCatalogNumbers } from './render-catalog-numbers.js';
import {
  confirmedDeadSection,
  failingSection,
  fixesSection,
  ignoredSection,
  needsHumanSection,
  problemsSection,
  recoveredSection,
  type SectionOptions,
} from './render-link-sections.js';
import { checkbox } from './report-checkboxes.js';
import { NUMBERS_MARKER, REPORT_MARKER, writtenMarker } from './report-markers.js';
import type { ReportModel } from './report-model.js';

/** GitHub refuses bodies over 65,536 characters; the margin keeps room for GitHub's own rewriting. */
export const MAX_REPORT_CHARS = 60_000;

// Lists shrink step by step until the body fits; the fixed parts are small.
const CAPS = [Number.POSITIVE_INFINITY, 500, 200, 100, 50, 25, 10, 5, 0];

const SECTIONS = [problemsSection, confirmedDeadSection, failingSection, needsHumanSection, fixesSection, recoveredSection, ignoredSection];

function header(model: ReportModel, ticked: ReadonlySet<string>): string[] {
  const failing = model.confirmedDead.length + model.failing.length + model.needsHuman.length;
  const summary = failing === 0 && model.problems.length === 0 ? [`All ${model.run.links} links of the latest check answered, or are ignored.`, ''] : [];
  return [
    REPORT_MARKER,
    "linkmedic checks this catalog's links and keeps this issue up to date. Tick a box and it acts within a minute; comment `/linkmedic recheck` to recheck every failing link. Closing this issue ends the report (reopen it to bring it back).",
    '',
    ...summary,
    ...(failing > 0 ? [checkbox({ verb: 'recheck-all' }, 'recheck every failing link now', ticked), ''] : []),
  ];
}

function footer(model: ReportModel, writtenAt: Date): string[] {
  const seconds = Math.max(1, Math.round(model.run.elapsedMs / 1000));
  return [
    '---',
    `<sub>Checked ${formatTime(model.run.startedAt)}: ${model.run.links} links in ${seconds} s (run ${model.run.runId}). This issue is rewritten when its lists change and at least weekly: a date more than a week old means the checks have stopped.</sub>`,
    writtenMarker(writtenAt),
  ];
}

/**
 * The report issue's body: the link sections in their fixed order (each left out when empty),
 * then the catalog's numbers, the availability chart and a footer. Long lists are cut with a count
 * so the body always fits; `ticked` boxes (late ticks being carried over) are kept ticked.
 */
export function renderReportBody(model: ReportModel, options: { writtenAt: Date; ticked?: ReadonlySet<string> }): string {
  const ticked = options.ticked ?? new Set<string>();
  const tail = [NUMBERS_MARKER, ...renderCatalogNumbers(model.numbers), ...renderAvailabilityChart(model.availability), ...footer(model, options.writtenAt)];
  let body = '';
  for (const cap of CAPS) {
    const sectionOptions: SectionOptions = { cap, ticked };
    const lines = [...header(model, ticked), ...SECTIONS.flatMap((section) => section(model, sectionOptions)), ...tail];
    body = lines.join('\n');
    if (body.length <= MAX_REPORT_CHARS) return body;
  }
  // Only a pathological problem text gets here: keep the identity and the footer, cut the middle.
  const end = footer(model, options.writtenAt).join('\n');
  return `${body.slice(0, MAX_REPORT_CHARS - end.length - 40)}\n\n…(cut to fit)\n\n${end}`;
}

/** The body when nothing could be checked (the configuration is invalid): the problems alone. */
export function renderProblemsBody(problems: readonly string[], options: { writtenAt: Date; lastCheckedAt?: string }): string {
  const last = options.lastCheckedAt ? `The last complete check was on ${formatTime(options.lastCheckedAt)}.` : 'No check has completed yet.';
  const head = [REPORT_MARKER, "linkmedic could not check this catalog's links. Fix the problems below on the default branch; the next scheduled run checks again.", ''].join('\n');
  const tail = [last, '', NUMBERS_MARKER, '---', `<sub>Attempted ${formatTime(options.writtenAt)}.</sub>`, writtenMarker(options.writtenAt)].join('\n');
  let section = problemsSection({ problems: [...problems] }, { cap: 50, ticked: new Set() }).join('\n');
  // A configuration with thousands of bad entries makes one very long message.
  const room = MAX_REPORT_CHARS - head.length - tail.length - 2;
  if (section.length > room) section = `${section.slice(0, room - 20)}\n\n…(cut to fit)\n`;
  return [head, section, tail].join('\n');
}
