import { FAILING_VERDICTS } from '../../check/verdict.js';
import type { FindingReport, LinkReport } from '../../report/run-report.js';
import { formatTime } from '../dead-link-issues/markdown-text.js';

/** The redirect chain as a reader can verify it: `301 → https://b/ → 308 → https://c/`. */
function chain(link: LinkReport): string {
  return link.redirects.map((hop) => `${hop.status} → ${hop.location}`).join(' → ');
}

function httpsEvidence(link: LinkReport): string {
  if (FAILING_VERDICTS.has(link.verdict)) return `Over http:// the link fails (${link.reason}); its https:// form answered at the same address in this run.`;
  if (link.redirects.length > 0) return `The http:// link redirects (${chain(link)}); its https:// form reaches the same page in this run.`;
  return `The http:// link and its https:// form answered with the same page in this run.`;
}

/** One sentence per fix saying why it is safe, with what this run saw. */
export function fixEvidence(link: LinkReport, finding?: FindingReport): string {
  const kind = link.suggestion?.kind;
  switch (kind) {
    case 'permanent_redirect':
      return `Permanent redirect (${chain(link) || 'redirect'}); the target answered ${link.httpStatus ?? 'with content'} in this run.`;
    case 'repo_rename':
      return link.github ? `The GitHub API says the repository is now ${link.github.fullName}. ${link.detail}` : link.detail;
    case 'markdown_fix':
      return `${finding?.message ?? 'The URL is mangled in the markdown source.'} The corrected URL answered in this run.`;
    case 'archive': {
      const history = link.history;
      const since = history?.firstFailedAt ? ` since ${formatTime(history.firstFailedAt)}` : '';
      return `Dead${since} (${link.reason}, ${history?.consecutiveFailures ?? 1} failing runs); the closest Wayback Machine snapshot.`;
    }
    case 'https_upgrade':
      return httpsEvidence(link);
    case undefined:
      return link.detail;
    default:
      return kind satisfies never;
  }
}
