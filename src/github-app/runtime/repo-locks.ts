/**
 * One piece of work per repository at a time in this process: a nightly run, a ticked checkbox
 * and a command on the same repository queue up instead of racing each other's GitHub writes.
 */
export class RepoLocks {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(repo: string, work: () => Promise<T>): Promise<T> {
    const key = repo.toLowerCase();
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
