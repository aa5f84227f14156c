import { onIssueComment, onReportEdited } from '../handlers/on-issue-activity.js';
import { welcomeRepository } from '../handlers/on-installation.js';
import { onPullRequestChanged, onPullRequestClosed } from '../handlers/on-pull-request.js';
import { onDefaultBranchPush } from '../handlers/on-push.js';
import { fanOutPass } from '../nightly/fan-out-pass.js';
import { runNightlyPass } from '../nightly/run-nightly-pass.js';
import { runPassRepo } from '../nightly/run-pass-repo.js';
import type { AppRuntime } from '../runtime/app-runtime.js';
import { forgetRepositories } from '../uninstall/forget-repositories.js';
import type { AppJob } from './app-job.js';
import { jobIdentity } from './job-identity.js';

/**
 * The one place a job becomes work, whichever queue it came from. Work on a repository runs under
 * its lock (one writer per repository); a nightly pass and uninstalling take their locks per repository.
 */
export async function runJob(rt: AppRuntime, job: AppJob): Promise<unknown> {
  const { repo } = jobIdentity(job);
  const locked = <T>(work: () => Promise<T>): Promise<T> => rt.locks.run(repo!, work);
  switch (job.kind) {
    case 'welcome':
      return locked(() => welcomeRepository(rt, job.installationId, job.repo));
    case 'push':
      return locked(() => onDefaultBranchPush(rt, job.target, job.push));
    case 'pull-check':
      return locked(() => onPullRequestChanged(rt, job.target, job.pull));
    case 'pull-closed':
      return locked(() => onPullRequestClosed(rt, job.target, job.pull, job.sender));
    case 'report-edited':
      return locked(() => onReportEdited(rt, job.target, job));
    case 'command':
      return locked(() => onIssueComment(rt, job.target, { number: job.issue.number, body: job.issue.body, user: job.issue.author === null ? null : { login: job.issue.author } }, job.comment, job.sender));
    case 'nightly-pass':
      // A queue's workers share the pass out; a process on its own walks it.
      return rt.jobs.distributed ? fanOutPass(rt, job.trigger) : runNightlyPass(rt, { trigger: job.trigger, signal: rt.stopping.signal });
    case 'nightly-repo':
      return runPassRepo(rt, job.passId, job.target);
    case 'forget':
      return forgetRepositories(rt, job);
  }
}
