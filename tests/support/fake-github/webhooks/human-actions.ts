import { ApiError } from '../http/api-error.js';
import type { Effects } from '../state/effects.js';
import { commitFiles } from '../state/commit-files.js';
import { addComment, createIssue, editIssue } from '../state/issue-ops.js';
import { mergePull } from '../state/merge-pull.js';
import { moveRef } from '../state/move-ref.js';
import type { InstallationSeed } from '../state/fake-state.js';
import type { FakeInstallation, FakeIssue, FakeRepo } from '../state/types.js';
import { installationEvent, installationRepositoriesEvent } from './payloads.js';

/**
 * What people do on github.com, with the same state changes, timeline events and webhooks
 * (sender = that person) as when they happen for real.
 */
export class HumanActions {
  readonly #fx: Effects;

  constructor(fx: Effects) {
    this.#fx = fx;
  }

  closeIssue(fullName: string, number: number, login: string, reason: 'completed' | 'not_planned' = 'completed'): void {
    const [repo, issue] = this.#issue(fullName, number);
    editIssue(this.#fx, repo, issue, { state: 'closed', stateReason: reason }, this.#fx.state.user(login));
  }

  reopenIssue(fullName: string, number: number, login: string): void {
    const [repo, issue] = this.#issue(fullName, number);
    editIssue(this.#fx, repo, issue, { state: 'open' }, this.#fx.state.user(login));
  }

  /** Replaces the body; a function receives the current body. */
  editIssueBody(fullName: string, number: number, login: string, body: string | ((old: string) => string)): void {
    const [repo, issue] = this.#issue(fullName, number);
    const next = typeof body === 'function' ? body(issue.body ?? '') : body;
    editIssue(this.#fx, repo, issue, { body: next }, this.#fx.state.user(login));
  }

  /** Ticks the first unticked task-list box on a line containing `line` (a string or pattern). */
  tickCheckbox(fullName: string, number: number, login: string, line: string | RegExp): void {
    this.editIssueBody(fullName, number, login, (old) => {
      const lines = old.split('\n');
      const at = lines.findIndex((l) => /^\s*[-*] \[ \]/.test(l) && (typeof line === 'string' ? l.includes(line) : line.test(l)));
      if (at < 0) throw new Error(`no unticked box matching ${String(line)} in #${number}`);
      lines[at] = lines[at]!.replace('[ ]', '[x]');
      return lines.join('\n');
    });
  }

  comment(fullName: string, number: number, login: string, body: string): number {
    const [repo, issue] = this.#issue(fullName, number);
    return addComment(this.#fx, repo, issue, body, this.#fx.state.user(login)).id;
  }

  openIssue(fullName: string, login: string, title: string, body = ''): number {
    return createIssue(this.#fx, this.#repo(fullName), { title, body, labels: [], user: this.#fx.state.user(login) }).number;
  }

  closePull(fullName: string, number: number, login: string): void {
    const [repo, issue] = this.#issue(fullName, number);
    if (!issue.pull) throw new Error(`#${number} is not a pull request`);
    editIssue(this.#fx, repo, issue, { state: 'closed' }, this.#fx.state.user(login));
  }

  mergePull(fullName: string, number: number, login: string, method: 'merge' | 'squash' | 'rebase' = 'merge'): string {
    const [repo, issue] = this.#issue(fullName, number);
    return mergePull(this.#fx, repo, issue, this.#fx.state.user(login), { method });
  }

  /**
   * Pushes one commit changing `files` (null deletes) onto `branch`, creating the branch from
   * the default branch when missing. Author and committer are the person.
   */
  push(fullName: string, branch: string, login: string, files: Record<string, string | null>, message = 'Update files'): string {
    const repo = this.#repo(fullName);
    const ref = `refs/heads/${branch}`;
    const parent = repo.refs.get(ref) ?? repo.refs.get(`refs/heads/${repo.defaultBranch}`)!;
    const user = this.#fx.state.user(login);
    const sha = commitFiles(repo.git, { parent, files, message, author: user, date: this.#fx.state.timestamp() });
    moveRef(this.#fx, repo, ref, sha, user);
    return sha;
  }

  deleteBranch(fullName: string, branch: string, login: string): void {
    moveRef(this.#fx, this.#repo(fullName), `refs/heads/${branch}`, null, this.#fx.state.user(login));
  }

  /** The account owner installs the app (`installation.created`). */
  install(seed: InstallationSeed, login = seed.account): FakeInstallation {
    const installation = this.#fx.state.install(seed);
    this.#fx.emit(installationEvent(this.#fx.state, this.#fx.urls, installation, 'created', this.#fx.state.user(login)));
    return installation;
  }

  /** Grants more repositories to a `selected` installation (`installation_repositories.added`). */
  addRepositories(installationId: number, fullNames: string[], login: string): void {
    const installation = this.#installation(installationId);
    const added = fullNames.map((f) => this.#repo(f)).filter((r) => !installation.repositoryIds.has(r.id));
    for (const r of added) installation.repositoryIds.add(r.id);
    const change = { added, removed: [] };
    this.#fx.emit(installationRepositoriesEvent(this.#fx.state, this.#fx.urls, installation, change, this.#fx.state.user(login)));
  }

  /** Takes repositories from a `selected` installation (`installation_repositories.removed`). */
  removeRepositories(installationId: number, fullNames: string[], login: string): void {
    const installation = this.#installation(installationId);
    const removed = fullNames.map((f) => this.#repo(f)).filter((r) => installation.repositoryIds.has(r.id));
    for (const r of removed) installation.repositoryIds.delete(r.id);
    this.#fx.emit(installationRepositoriesEvent(this.#fx.state, this.#fx.urls, installation, { added: [], removed }, this.#fx.state.user(login)));
  }

  /** The account owner uninstalls the app (`installation.deleted`, listing what it could reach): its tokens stop working. */
  uninstall(installationId: number, login: string): void {
    const installation = this.#installation(installationId);
    const event = installationEvent(this.#fx.state, this.#fx.urls, installation, 'deleted', this.#fx.state.user(login));
    this.#fx.state.installations.delete(installationId);
    this.#fx.emit(event);
  }

  /** Suspends an installation: its tokens stop working and new ones are refused. */
  suspend(installationId: number, login: string): void {
    const installation = this.#installation(installationId);
    installation.suspendedAt = this.#fx.state.timestamp();
    this.#fx.emit(installationEvent(this.#fx.state, this.#fx.urls, installation, 'suspend', this.#fx.state.user(login)));
  }

  #installation(id: number): FakeInstallation {
    const installation = this.#fx.state.installations.get(id);
    if (!installation) throw new Error(`unknown installation ${id}`);
    return installation;
  }

  #repo(fullName: string): FakeRepo {
    const [owner, name] = fullName.split('/');
    const repo = owner && name ? this.#fx.state.repo(owner, name) : undefined;
    if (!repo) throw new Error(`unknown repository ${fullName}`);
    return repo;
  }

  #issue(fullName: string, number: number): [FakeRepo, FakeIssue] {
    const repo = this.#repo(fullName);
    const issue = repo.issues.get(number);
    if (!issue) throw ApiError.notFound();
    return [repo, issue];
  }
}
