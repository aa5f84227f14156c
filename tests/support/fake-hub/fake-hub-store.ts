/** Which Hub listing a repository lives in. */
export type FakeHubKind = 'model' | 'dataset' | 'space';

/** One repository of the fake Hub's data set; mutate it between simulated nights. */
export interface FakeHubRepo {
  kind: FakeHubKind;
  /** `namespace/name`, or a legacy single-segment name. */
  id: string;
  objectId: string;
  likes: number;
  /** Last 30 days; Spaces have none. */
  downloads: number;
  gated: false | 'auto' | 'manual';
  disabled: boolean;
  private: boolean;
  lastModified: string;
  createdAt: string;
  sha: string;
}

export type FakeHubSeed = Partial<Omit<FakeHubRepo, 'kind' | 'id'>> & { kind: FakeHubKind; id: string };

const key = (kind: FakeHubKind, id: string) => `${kind}:${id.toLowerCase()}`;

/** The Hub's repositories by kind and id, with the redirects renames and transfers leave. */
export class FakeHubStore {
  readonly #repos = new Map<string, FakeHubRepo>();
  readonly #redirects = new Map<string, FakeHubRepo>();
  #next = 0x621ffdc0;

  add(seed: FakeHubSeed): FakeHubRepo {
    if (this.#repos.has(key(seed.kind, seed.id))) throw new Error(`fake Hub: ${seed.kind} ${seed.id} exists`);
    const repo: FakeHubRepo = {
      objectId: (this.#next++).toString(16).padStart(24, '0'), likes: 0, downloads: 0, gated: false,
      disabled: false, private: false, lastModified: '2024-02-19T10:57:45.000Z',
      createdAt: '2022-03-02T23:29:04.000Z', sha: '607a30d783dfa663caf39e06633721c8d4cfcd7e', ...seed,
    };
    this.#repos.set(key(repo.kind, repo.id), repo);
    this.#redirects.delete(key(repo.kind, repo.id));
    return repo;
  }

  /** The repository a name leads to: its current id, or a redirect left by a rename. */
  resolve(kind: FakeHubKind, id: string): { repo: FakeHubRepo; moved: boolean } | undefined {
    const current = this.#repos.get(key(kind, id));
    if (current) return { repo: current, moved: false };
    const moved = this.#redirects.get(key(kind, id));
    return moved ? { repo: moved, moved: true } : undefined;
  }

  get(kind: FakeHubKind, id: string): FakeHubRepo {
    const repo = this.#repos.get(key(kind, id));
    if (!repo) throw new Error(`fake Hub: no ${kind} ${id}`);
    return repo;
  }

  all(): FakeHubRepo[] {
    return [...this.#repos.values()];
  }

  rename(kind: FakeHubKind, id: string, newId: string): FakeHubRepo {
    const repo = this.get(kind, id);
    this.#repos.delete(key(kind, id));
    this.#redirects.set(key(kind, id), repo);
    // Older redirects to this repository now lead to its new id as well (they hold the object).
    repo.id = newId;
    this.#repos.set(key(kind, newId), repo);
    this.#redirects.delete(key(kind, newId));
    return repo;
  }

  update(kind: FakeHubKind, id: string, patch: Partial<Omit<FakeHubRepo, 'kind' | 'id'>>): FakeHubRepo {
    return Object.assign(this.get(kind, id), patch);
  }

  delete(kind: FakeHubKind, id: string): void {
    const repo = this.get(kind, id);
    this.#repos.delete(key(kind, id));
    for (const [name, target] of this.#redirects) if (target === repo) this.#redirects.delete(name);
  }
}
