import { createHash } from 'node:crypto';
import type { SuggestionKind } from '../../check/check-result.js';
import { codeSpan, escapeCell, truncate } from '../dead-link-issues/markdown-text.js';
import type { ProposedFix } from '../repo-run.js';
import { FIX_BRANCH } from './fix-branch.js';
import { dataMarker } from './fix-pull-markers.js';

export interface RenderedFixPull {
  title: string;
  body: string;
  fingerprint: string;
  commitMessage: string;
}

/** Under GitHub's 65,536-character body limit with room to spare. */
export const MAX_BODY = 60_000;

const WHY: Record<SuggestionKind, string> = {
  permanent_redirect: 'permanent redirect',
  repo_rename: 'repository renamed',
  markdown_fix: 'markdown fix',
  archive: 'archived copy of a dead link',
  https_upgrade: 'same page over https',
};

function row(fix: ProposedFix): string {
  // `[text] (url)` keeps its URL: show the syntax change instead of an identical pair.
  const [old, next] = fix.from === fix.to ? [`[…] (${fix.from})`, `[…](${fix.to})`] : [fix.from, fix.to];
  return `| ${escapeCell(fix.file)} | ${escapeCell(truncate(fix.entry ?? '—', 80))} | ${codeSpan(old)} | ${codeSpan(next)} | ${WHY[fix.kind]} | ${escapeCell(fix.reason)} |`;
}

/**
 * Title, body and commit message of the rolling fix pull request. The fingerprint covers the
 * fixes themselves (file, entry, old, new, kind, evidence) but not line numbers, so an unrelated
 * edit that shifts lines rebuilds the branch without rewriting the description.
 */
export function renderFixPullRequest(fixes: readonly ProposedFix[], defaultBranch: string): RenderedFixPull {
  const meaningful = fixes.map((fix) => [fix.file, fix.entry ?? null, fix.from, fix.to, fix.kind, fix.reason]);
  const fingerprint = createHash('sha256').update(JSON.stringify(meaningful)).digest('hex').slice(0, 16);
  const count = `${fixes.length} link${fixes.length === 1 ? '' : 's'}`;
  const title = `linkmedic: fix ${count}`;
  const marker = dataMarker({ fingerprint, pairs: fixes.map(({ from, to }) => ({ from, to })) });
  const head = [
    `linkmedic found ${count} it can fix safely. Each change rewrites only the link's own characters in the source.`,
    '',
    '| File | Entry | Old | New | Why | Evidence |',
    '|---|---|---|---|---|---|',
  ];
  const tail = [
    '',
    `- **Merge** to apply the fixes. After each run linkmedic rebuilds \`${FIX_BRANCH}\` as one commit on top of \`${defaultBranch}\`, as long as only its own commits are on the branch.`,
    '- **Close without merging** to reject these replacements: linkmedic will not propose any of them again.',
    '- **Push to the branch** to take it over: linkmedic then stops updating it.',
    '',
    marker,
  ];
  const rows: string[] = [];
  let length = [...head, ...tail].join('\n').length + 100;
  for (const fix of fixes) {
    const line = row(fix);
    if (length + line.length + 1 > MAX_BODY) {
      rows.push(`| … and ${fixes.length - rows.length} more (see the changed files) | | | | | |`);
      break;
    }
    rows.push(line);
    length += line.length + 1;
  }
  // Counts, not URLs: a URL of someone's issue in a pushed commit message would cross-reference it.
  const byKind = new Map<SuggestionKind, number>();
  for (const fix of fixes) byKind.set(fix.kind, (byKind.get(fix.kind) ?? 0) + 1);
  const commitMessage = [`Fix ${count} (linkmedic)`, '', ...[...byKind].map(([kind, n]) => `- ${n} × ${WHY[kind]}`), '', 'The pull request lists each change with its evidence.'].join('\n');
  return { title, body: [...head, ...rows, ...tail].join('\n'), fingerprint, commitMessage };
}
