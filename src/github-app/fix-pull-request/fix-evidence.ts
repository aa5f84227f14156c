import type { FindingReport, LinkReport } from '../../report/run-report.js';
import { formatTime } from '../dead-link-issues/markdown-text.js';

/** The redirect chain as a reader can verify it: `301 → https://b/ → 308 → https://c/`. */
function chain(link: LinkReport): string {
  return link.redirects.map((hop) => `${hop.status} → ${hop.location}`).join(' → ');
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
    case undefined:
      return link.detail;
    default:
      return kind satisfies never;
  }
}
