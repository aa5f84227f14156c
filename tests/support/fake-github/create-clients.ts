import { App, Octokit } from 'octokit';
import type { FakeGitHub } from './start-fake-github.js';

/** Octokit without throttling or retries, so tests see every answer the fake gives. */
export const TestOctokit = Octokit.defaults({
  throttle: { enabled: false },
  retry: { enabled: false },
});

/**
 * Real `octokit` clients aimed at the fake: the app (JWT), an installation (token obtained
 * through `POST /app/installations/{id}/access_tokens`), and an anonymous one.
 */
export function createClients(fake: FakeGitHub) {
  const app = new App({
    appId: fake.appId,
    privateKey: fake.privateKey,
    Octokit: TestOctokit.defaults({ baseUrl: fake.baseUrl }),
  });
  return {
    app: app.octokit,
    installation: (id: number) => app.getInstallationOctokit(id),
    anonymous: new TestOctokit({ baseUrl: fake.baseUrl }),
    withToken: (token: string) => new TestOctokit({ baseUrl: fake.baseUrl, auth: token }),
  };
}
