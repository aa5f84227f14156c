import { repoKey } from '../repository/repo-target.js';
import type { AppJob } from './app-job.js';

/** How the queue treats a job: its name in logs, its repository, and what makes two jobs the same. */
export interface JobIdentity {
  /** For log lines: `push on acme/awesome`. */
  label: string;
  /** Lower-cased `owner/name` of the repository the work writes to (its lock, and what uninstalling drops). */
  repo?: string;
  /**
   * Jobs with the same key are one piece of work: while one waits, another is not added; while one
   * runs, the latest newcomer waits behind it (BullMQ deduplication with `keepLastIfActive`).
   */
  dedupKey?: string;
  /** A fixed job id: while a job with it waits or runs, no other is added (a nightly pass's repository). */
  jobId?: string;
  /** Nightly work yields to work people wait for (webhooks). */
  background: boolean;
}

const key = (full: string): string => full.toLowerCase();

/**
 * What makes two jobs the same piece of work. Work that re-reads everything it needs when it runs
 * (a welcome, ticked boxes) is one per repository; work about one event (a push's commits, a pull
 * request's head, a comment) is one per event, so a redelivered webhook is dropped and a new event is not.
 */
export function jobIdentity(job: AppJob): JobIdentity {
  switch (job.kind) {
    case 'welcome':
      return { label: `welcoming ${job.repo}`, repo: key(job.repo), dedupKey: `welcome@${key(job.repo)}`, background: false };
    case 'push': {
      const repo = repoKey(job.target);
      return { label: `push on ${repo}`, repo, dedupKey: `push@${repo}@${job.push.after}`, background: false };
    }
    case 'pull-check': {
      const repo = repoKey(job.target);
      return { label: `pull request check on ${repo}#${job.pull.number}`, repo, dedupKey: `pull-check@${repo}#${job.pull.number}@${job.pull.head.sha}`, background: false };
    }
    case 'pull-closed': {
      const repo = repoKey(job.target);
      return { label: `closed pull request ${repo}#${job.pull.number}`, repo, dedupKey: `pull-closed@${repo}#${job.pull.number}`, background: false };
    }
    case 'report-edited': {
      const repo = repoKey(job.target);
      return { label: `report checkboxes on ${repo}`, repo, dedupKey: `report-edited@${repo}`, background: false };
    }
    case 'command': {
      const repo = repoKey(job.target);
      return { label: `command on ${repo}`, repo, dedupKey: `command@${repo}@${job.comment.id}`, background: false };
    }
    case 'nightly-pass':
      return { label: `nightly pass (${job.trigger})`, dedupKey: 'nightly-pass', background: false };
    case 'nightly-repo': {
      const repo = repoKey(job.target);
      // BullMQ refuses custom ids with a colon.
      return { label: `nightly run of ${repo}`, repo, jobId: `nightly/${job.passId}/${repo}`, background: true };
    }
    case 'forget':
      return { label: `forgetting ${job.wholeAccount ? `${job.account}/*` : job.repos.join(', ')}`, background: false };
  }
}
