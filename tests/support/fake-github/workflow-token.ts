import type { Permissions } from './state/types.js';
import type { FakeGitHub } from './start-fake-github.js';
import { createClients } from './create-clients.js';

/**
 * A workflow's `GITHUB_TOKEN` as GitHub mints it: an installation token of the GitHub Actions app
 * narrowed to the workflow's repository and to its `permissions:` block. Start the fake with
 * `appSlug: 'github-actions'` so what the token creates is authored by `github-actions[bot]`.
 */
export async function workflowToken(fake: FakeGitHub, fullName: string, permissions: Permissions): Promise<string> {
  const [account, name] = fullName.split('/') as [string, string];
  const installation =
    [...fake.state.installations.values()].find((candidate) => candidate.account.login === account) ??
    fake.state.install({ account, repositories: [fullName], permissions: { ...permissions, metadata: 'read' } });
  const { data } = await createClients(fake).app.rest.apps.createInstallationAccessToken({
    installation_id: installation.id,
    repositories: [name],
    permissions: { ...permissions, metadata: 'read' } as Record<string, 'read' | 'write'>,
  });
  return data.token;
}
