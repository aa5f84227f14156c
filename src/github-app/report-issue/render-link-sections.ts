import { blobLineUrl, codeSpan, escapeCell, formatTime } from '../dead-link-issues/markdown-text.js';
import { checkbox, STOP_IGNORING_LABEL } from './report-checkboxes.js';
import type { IgnoredLink, ReportLink, ReportModel } from './report-model.js';

/** Options shared by the sections: how many items each list may show, and boxes to keep ticked. */
export interface SectionOptions {
  cap: number;
  ticked: ReadonlySet<string>;
}

const MAX_PLACES = 3;

function capped<T>(items: readonly T[], cap: number, render: (item: T) => string[]): string[] {
  const lines = items.slice(0, cap).flatMap(render);
  const rest = items.length - Math.min(cap, items.length);
  if (rest > 0) lines.push(`- …and ${rest} more, not shown to keep this issue under GitHub's size limit (\`linkmedic check\` lists them all).`);
  return lines;
}

function places(model: ReportModel, link: { places: ReportLink['places'] }): string {
  const where = { webOrigin: model.place.webOrigin, owner: model.place.owner, repo: model.place.repo, branch: model.place.headSha };
  const shown = link.places.slice(0, MAX_PLACES).map((place) => `[${escapeCell(place.file)}:${place.line}](${blobLineUrl(where, place.file, place.line)})`);
  if (link.places.length > MAX_PLACES) shown.push(`${link.places.length - MAX_PLACES} more`);
  return shown.join(', ');
}

function linkLine(model: ReportModel, link: ReportLink, extra: string[]): string {
  const parts = [
    ...(link.entry ? [`**${escapeCell(link.entry)}**`] : []),
    codeSpan(link.url),
    places(model, link),
    `${link.verdict.replace('_', ' ')}: ${escapeCell(link.detail)}`,
    ...extra,
  ];
  if (link.recheck) parts.push(`rechecked ${formatTime(link.recheck.at)}: **${link.recheck.verdict.replace('_', ' ')}** (${escapeCell(link.recheck.detail)})`);
  return `- ${parts.join(' · ')}`;
}

const boxes = (link: ReportLink, options: SectionOptions): string[] => [
  checkbox({ verb: 'recheck', key: link.key }, 'recheck now', options.ticked, '  '),
  checkbox({ verb: 'ignore', key: link.key }, 'ignore this link', options.ticked, '  '),
];

const streak = (link: ReportLink): string =>
  `failing in ${link.failures} run${link.failures === 1 ? '' : 's'}${link.firstFailedAt ? ` since ${formatTime(link.firstFailedAt)}` : ''}`;

export function problemsSection(model: Pick<ReportModel, 'problems'>, options: SectionOptions): string[] {
  if (model.problems.length === 0) return [];
  return ['### ⚠️ Problems', '', ...capped(model.problems, options.cap, (problem) => [`- ${escapeCell(problem)}`]), ''];
}

export function confirmedDeadSection(model: ReportModel, options: SectionOptions): string[] {
  if (model.confirmedDead.length === 0) return [];
  const render = (link: ReportLink) => [
    linkLine(model, link, [
      streak(link),
      ...(link.lastAliveAt ? [`last alive ${formatTime(link.lastAliveAt)}`] : []),
      ...(link.issue ? [`#${link.issue.number}${link.issue.state === 'closed' ? ' (closed)' : ''}`] : []),
    ]),
    ...boxes(link, options),
  ];
  return [`### Confirmed dead (${model.confirmedDead.length})`, '', ...capped(model.confirmedDead, options.cap, render), ''];
}

export function failingSection(model: ReportModel, options: SectionOptions): string[] {
  if (model.failing.length === 0) return [];
  const render = (link: ReportLink) => [linkLine(model, link, [streak(link)]), ...boxes(link, options)];
  return [
    `### Failing, not yet confirmed (${model.failing.length})`,
    '',
    'These failed in the latest runs but may be temporary; an issue is opened only once a link is confirmed dead.',
    '',
    ...capped(model.failing, options.cap, render),
    '',
  ];
}

export function needsHumanSection(model: ReportModel, options: SectionOptions): string[] {
  if (model.needsHuman.length === 0) return [];
  const render = (link: ReportLink) => [linkLine(model, link, []), ...boxes(link, options)];
  return [
    `### Restricted or blocked: needs a human (${model.needsHuman.length})`,
    '',
    'The host asked for a login, showed a bot wall or kept rate-limiting: linkmedic cannot tell whether a reader gets the page. Open them in a browser.',
    '',
    ...capped(model.needsHuman, options.cap, render),
    '',
  ];
}

export function fixesSection(model: ReportModel, options: SectionOptions): string[] {
  const { items, pullRequest, blockedByHuman } = model.fixes;
  if (items.length === 0) return [];
  const where = pullRequest ? `in pull request #${pullRequest.number}${pullRequest.state === 'closed' ? ' (closed)' : ''}` : 'for the fix pull request';
  const blocked = blockedByHuman ? ' Someone pushed to its branch, so linkmedic no longer updates it.' : '';
  const render = (fix: (typeof items)[number]) => [`- ${codeSpan(fix.from)} → ${codeSpan(fix.to)} · ${escapeCell(fix.file)}:${fix.line} · ${escapeCell(fix.reason)}`];
  return [`### Proposed fixes (${items.length})`, '', `Safe replacements ${where}.${blocked}`, '', ...capped(items, options.cap, render), ''];
}

export function recoveredSection(model: ReportModel, options: SectionOptions): string[] {
  if (model.recovered.length === 0) return [];
  const render = (link: ReportModel['recovered'][number]) => [
    `- ${link.entry ? `**${escapeCell(link.entry)}** · ` : ''}${codeSpan(link.url)} answers again${link.failedSince ? ` (failing since ${formatTime(link.failedSince)})` : ''}${link.wasConfirmedDead ? ', after being confirmed dead' : ''}`,
  ];
  return [`### Recovered since the last run (${model.recovered.length})`, '', ...capped(model.recovered, options.cap, render), ''];
}

export function ignoredSection(model: ReportModel, options: SectionOptions): string[] {
  if (model.ignored.length === 0 && model.rejectedFixes.length === 0) return [];
  const render = (link: IgnoredLink) =>
    link.how === 'checkbox'
      ? [
          `- ${link.entry ? `**${escapeCell(link.entry)}** · ` : ''}${codeSpan(link.url)} · ignored from this report by ${escapeCell(link.by)}`,
          checkbox({ verb: 'unignore', key: link.key }, STOP_IGNORING_LABEL, options.ticked, '  '),
        ]
      : [`- ${link.entry ? `**${escapeCell(link.entry)}** · ` : ''}${codeSpan(link.url)} · its issue #${link.issue} was closed by ${escapeCell(link.by)} (reopen it to undo)`];
  const rejected = (pair: { from: string; to: string }) => [`- fix ${codeSpan(pair.from)} → ${codeSpan(pair.to)} · declined by closing the fix pull request`];
  return [
    `### Ignored (${model.ignored.length + model.rejectedFixes.length})`,
    '',
    ...capped(model.ignored, options.cap, render),
    ...capped(model.rejectedFixes, options.cap, rejected),
    '',
  ];
}
