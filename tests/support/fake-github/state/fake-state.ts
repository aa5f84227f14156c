import type { KeyObject } from 'node:crypto';
import { commitFiles } from './commit-files.js';
import { GitStore } from './git-store.js';
import type { FakeApp, FakeInstallation, FakeRepo, FakeToken, FakeUser, Permissions } from './types.js';

/** What the app manifest of linkmedic asks for; a test can narrow it per installation. */
export const DEFAULT_PERMISSIONS: Permissions = {
  contents: 'write',
  issues: 'write',
  pull_requests: 'write',
  checks: 'write',
  metadata: 'read',
};

export const DEFAULT_EVENTS = [
  'installation',
  'installation_repositories',
  'push',
  'pull_request',
  'issues',
  'issue_comment',
];

export interface RepoSeed {
  /** `owner/name`. */
  fullName: string;
  defaultBranch?: string;
  /** Files of the first commit on the default branch. */
  files?: Record<string, string>;
  private?: boolean;
  archived?: boolean;
  hasIssues?: boolean;
  description?: string | null;
}

export interface InstallationSeed {
  account: string;
  /** `'all'` (every repository of the account) or a list of `owner/name`. */
  repositories?: 'all' | string[];
  permissions?: Permissions;
  events?: string[];
  suspended?: boolean;
}

/** All in-memory GitHub state. Timestamps come from the injected clock. */
export class FakeState {
  readonly users = new Map<string, FakeUser>();
  readonly repos = new Map<string, FakeRepo>();
  readonly installations = new Map<number, FakeInstallation>();
  readonly tokens = new Map<string, FakeToken>();
  readonly app: FakeApp;
  readonly now: () => Date;
  #nextId = 1000;

  constructor(options: { appId: number; appSlug: string; publicKey: KeyObject; now: () => Date }) {
    this.now = options.now;
    const owner = this.user('linkmedic-dev', 'Organization');
    const botId = 41_000_000 + options.appId;
    const bot: FakeUser = {
      login: `${options.appSlug}[bot]`,
      id: botId,
      type: 'Bot',
      name: `${options.appSlug}[bot]`,
      email: `${botId}+${options.appSlug}[bot]@users.noreply.github.com`,
    };
    this.users.set(bot.login.toLowerCase(), bot);
    this.app = {
      id: options.appId,
      slug: options.appSlug,
      name: options.appSlug,
      owner,
      publicKey: options.publicKey,
      permissions: { ...DEFAULT_PERMISSIONS },
      events: [...DEFAULT_EVENTS],
      bot,
      createdAt: this.timestamp(),
    };
  }

  nextId(): number {
    return this.#nextId++;
  }

  /** ISO-8601 at seconds precision, as GitHub prints it. */
  timestamp(): string {
    return this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** Finds or creates a user (a `[bot]` login stays a Bot). */
  user(login: string, type: FakeUser['type'] = 'User'): FakeUser {
    const key = login.toLowerCase();
    const existing = this.users.get(key);
    if (existing) return existing;
    const id = this.nextId();
    const user: FakeUser = {
      login,
      id,
      type: login.endsWith('[bot]') ? 'Bot' : type,
      name: login,
      email: `${id}+${login}@users.noreply.github.com`,
    };
    this.users.set(key, user);
    return user;
  }

  repo(owner: string, name: string): FakeRepo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  repoById(id: number): FakeRepo | undefined {
    return [...this.repos.values()].find((r) => r.id === id);
  }

  createRepo(seed: RepoSeed): FakeRepo {
    const [ownerLogin, name] = seed.fullName.split('/');
    if (!ownerLogin || !name) throw new Error(`fullName must be owner/name: ${seed.fullName}`);
    if (this.repo(ownerLogin, name)) throw new Error(`repository exists: ${seed.fullName}`);
    const owner = this.user(ownerLogin);
    const git = new GitStore();
    const defaultBranch = seed.defaultBranch ?? 'main';
    const created = this.timestamp();
    const repo: FakeRepo = {
      id: this.nextId(),
      name,
      owner,
      private: seed.private ?? false,
      archived: seed.archived ?? false,
      hasIssues: seed.hasIssues ?? true,
      description: seed.description ?? null,
      defaultBranch,
      createdAt: created,
      pushedAt: created,
      git,
      refs: new Map(),
      issues: new Map(),
      comments: new Map(),
      events: [],
      labels: new Map(),
      checkRuns: new Map(),
      nextNumber: 1,
    };
    const first = commitFiles(git, {
      parent: null,
      files: seed.files ?? { 'README.md': `# ${name}\n` },
      message: 'Initial commit',
      author: owner,
      date: created,
    });
    repo.refs.set(`refs/heads/${defaultBranch}`, first);
    this.repos.set(seed.fullName.toLowerCase(), repo);
    return repo;
  }

  install(seed: InstallationSeed): FakeInstallation {
    const account = this.user(seed.account);
    const selected = seed.repositories ?? 'all';
    const ids = new Set<number>();
    if (selected !== 'all') {
      for (const full of selected) {
        const [o, n] = full.split('/');
        const repo = o && n ? this.repo(o, n) : undefined;
        if (!repo) throw new Error(`unknown repository ${full}`);
        ids.add(repo.id);
      }
    }
    const at = this.timestamp();
    const installation: FakeInstallation = {
      id: this.nextId(),
      account,
      repositorySelection: selected === 'all' ? 'all' : 'selected',
      repositoryIds: ids,
      permissions: { ...(seed.permissions ?? this.app.permissions) },
      events: [...(seed.events ?? this.app.events)],
      suspendedAt: seed.suspended ? at : null,
      createdAt: at,
      updatedAt: at,
    };
    this.installations.set(installation.id, installation);
    return installation;
  }

  /** Repositories an installation can reach, in id order. */
  installationRepos(installation: FakeInstallation): FakeRepo[] {
    return [...this.repos.values()]
      .filter((r) =>
        installation.repositorySelection === 'all'
          ? r.owner.id === installation.account.id
          : installation.repositoryIds.has(r.id),
      )
      .sort((a, b) => a.id - b.id);
  }

  installationFor(repo: FakeRepo): FakeInstallation | undefined {
    return [...this.installations.values()].find((i) => this.installationRepos(i).includes(repo));
  }
}
