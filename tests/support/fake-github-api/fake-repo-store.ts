/** One repository of the fake GitHub's data set; mutate it between simulated nights. */
export interface FakeRepo {
  id: number;
  owner: string;
  name: string;
  ownerType: 'User' | 'Organization';
  stars: number;
  forks: number;
  archived: boolean;
  disabled: boolean;
  private: boolean;
  description: string | null;
  license: { key: string; spdxId: string | null; name: string } | null;
  pushedAt: string | null;
  createdAt: string;
  updatedAt: string;
  defaultBranch: string;
  /** The organisation enforces SAML SSO and the token is not authorised for it (GraphQL FORBIDDEN, REST 403). */
  samlProtected?: boolean;
  /** Set when GitHub blocks the repository: REST answers 451 (dmca) or 403 (tos, unavailable). */
  block?: { reason: 'dmca' | 'tos' | 'unavailable'; htmlUrl: string; createdAt: string };
}

export type FakeRepoSeed = Partial<Omit<FakeRepo, 'owner' | 'name'>> & { fullName: string };

const key = (fullName: string) => fullName.toLowerCase();

/**
 * The repositories the fake GitHub serves, by current name, plus the redirects renames and
 * transfers leave behind (old name → repository id), as GitHub keeps them.
 */
export class FakeRepoStore {
  readonly #byId = new Map<number, FakeRepo>();
  readonly #redirects = new Map<string, number>();
  #nextId = 1_000_001;

  add(seed: FakeRepoSeed): FakeRepo {
    const [owner = '', name = ''] = seed.fullName.split('/');
    if (!owner || !name) throw new Error(`fake GitHub: bad repository name ${seed.fullName}`);
    if (this.find(seed.fullName)) throw new Error(`fake GitHub: ${seed.fullName} exists`);
    const { fullName: _fullName, ...fields } = seed;
    const repo: FakeRepo = {
      id: this.#nextId++, owner, name, ownerType: 'Organization', stars: 0, forks: 0,
      archived: false, disabled: false, private: false, description: null, license: null,
      pushedAt: '2024-01-01T00:00:00Z', createdAt: '2020-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z',
      defaultBranch: 'main', ...fields,
    };
    this.#byId.set(repo.id, repo);
    // A new repository at an old name takes the name back from the redirect.
    this.#redirects.delete(key(seed.fullName));
    return repo;
  }

  /** The repository currently named so (case-insensitive), ignoring redirects. */
  find(fullName: string): FakeRepo | undefined {
    for (const repo of this.#byId.values()) if (key(`${repo.owner}/${repo.name}`) === key(fullName)) return repo;
    return undefined;
  }

  /** The repository a name leads to now: its current name, or a redirect left by a rename. */
  resolve(fullName: string): { repo: FakeRepo; moved: boolean } | undefined {
    const current = this.find(fullName);
    if (current) return { repo: current, moved: false };
    const id = this.#redirects.get(key(fullName));
    const repo = id === undefined ? undefined : this.#byId.get(id);
    return repo ? { repo, moved: true } : undefined;
  }

  byId(id: number): FakeRepo | undefined {
    return this.#byId.get(id);
  }

  get(fullName: string): FakeRepo {
    const repo = this.find(fullName);
    if (!repo) throw new Error(`fake GitHub: no repository ${fullName}`);
    return repo;
  }

  all(): FakeRepo[] {
    return [...this.#byId.values()];
  }

  /** A rename or a transfer: the old name redirects to the repository from now on. */
  rename(fullName: string, newFullName: string): FakeRepo {
    const repo = this.get(fullName);
    const [owner = '', name = ''] = newFullName.split('/');
    this.#redirects.set(key(`${repo.owner}/${repo.name}`), repo.id);
    repo.owner = owner;
    repo.name = name;
    this.#redirects.delete(key(newFullName));
    return repo;
  }

  update(fullName: string, patch: Partial<Omit<FakeRepo, 'id' | 'owner' | 'name'>>): FakeRepo {
    return Object.assign(this.get(fullName), patch);
  }

  /** Deleted: gone, and so are the redirects that led to it. */
  delete(fullName: string): void {
    const repo = this.get(fullName);
    this.#byId.delete(repo.id);
    for (const [name, id] of this.#redirects) if (id === repo.id) this.#redirects.delete(name);
  }
}
