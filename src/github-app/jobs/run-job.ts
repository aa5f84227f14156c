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
 * The one place a job becomes work, whichever queue it came from. Work that writes to a
 * repository holds its lease (one writer per repository, across processes) and gets the lease's
 * signal; a pull request check writes only its own check run and does not wait for it. A nightly
 * pass and uninstalling take their leases per repository.
 */
export async function runJob(rt: AppRuntime, job: AppJob): Promise<unknown> {
  const { repo } = jobIdentity(job);
  const locked = <T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> => rt.locks.run(repo!, work);
  switch (job.kind) {
    case 'welcome':
      return locked((signal) => welcomeRepository(rt, job.installationId, job.repo, signal));
    case 'push':
      return locked((signal) => onDefaultBranchPush(rt, job.target, job.push, signal));
    case 'pull-check':
      return onPullRequestChanged(rt, job.target, job.pull);
    case 'pull-closed':
      return locked((signal) => onPullRequestClosed(rt, job.target, job.pull, job.sender, signal));
    case 'report-edited':
      return locked((signal) => onReportEdited(rt, job.target, job, signal));
    case 'command':
      return locked((signal) =>
        onIssueComment(rt, job.target, { number: job.issue.number, body: job.issue.body, user: job.issue.author === null ? null : { login: job.issue.author } }, job.comment, job.sender, signal));
    case 'nightly-pass':
      // A queue's workers share the pass out; a process on its own walks it.
      return rt.jobs.distributed ? fanOutPass(rt, job.trigger) : runNightlyPass(rt, { trigger: job.trigger, signal: rt.stopping.signal });
    case 'nightly-repo':
      return runPassRepo(rt, job.passId, job.target);
    case 'forget':
      return forgetRepositories(rt, job);
  }
}
