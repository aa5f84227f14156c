import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from './create-clients.js';
import { startFakeGitHub, type FakeGitHub } from './start-fake-github.js';

let fake: FakeGitHub;
let clients: ReturnType<typeof createClients>;
let mainId: number;

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.state.createRepo({ fullName: 'acme/awesome', files: { 'README.md': '# list\n' } });
  fake.state.createRepo({ fullName: 'acme/private-other', private: true });
  fake.state.createRepo({ fullName: 'acme/public-other' });
  mainId = fake.state.install({ account: 'acme', repositories: ['acme/awesome'] }).id;
  for (let i = 0; i < 3; i++) fake.state.install({ account: `org${i}` });
  fake.state.install({ account: 'frozen', suspended: true });
  clients = createClients(fake);
});
afterAll(() => fake.close());

function jwt(claims: Record<string, unknown>, key = fake.privateKey, alg = 'RS256'): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const data = `${enc({ alg, typ: 'JWT' })}.${enc(claims)}`;
  return `${data}.${sign('RSA-SHA256', Buffer.from(data), createPrivateKey(key)).toString('base64url')}`;
}

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe('app authentication', () => {
  it('answers GET /app to the app JWT with the slug the bot login derives from', async () => {
    const { data } = await clients.app.rest.apps.getAuthenticated();
    expect(data).toMatchObject({ id: fake.appId, slug: 'linkmedic' });
  });

  it('paginates GET /app/installations with Link headers', async () => {
    const first = await clients.app.request('GET /app/installations', { per_page: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.headers.link).toContain('rel="next"');
    const all = await clients.app.paginate('GET /app/installations', { per_page: 2 });
    expect(all.map((i) => i.account?.login)).toEqual(['acme', 'org0', 'org1', 'org2', 'frozen']);
    expect(all.at(-1)?.suspended_at).not.toBeNull();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  it.each([
    ['expired', () => jwt({ iss: fake.appId, iat: now() - 700, exp: now() - 60 }), /'Expiration time' claim \('exp'\) must be a numeric value/],
    ['too far in the future', () => jwt({ iss: fake.appId, iat: now(), exp: now() + 3600 }), /too far in the future/],
    ['issued in the future', () => jwt({ iss: fake.appId, iat: now() + 600, exp: now() + 600 }), /'Issued at' claim/],
    ['signed by another key', () => jwt({ iss: fake.appId, iat: now(), exp: now() + 500 }, otherKey), /could not be decoded/],
    ['for another app', () => jwt({ iss: 999, iat: now(), exp: now() + 500 }), /could not be decoded/],
    ['not RS256', () => jwt({ iss: fake.appId, iat: now(), exp: now() + 500 }, fake.privateKey, 'HS256'), /could not be decoded/],
  ])('rejects a JWT that is %s with 401', async (_name, token, message) => {
    const error = await clients.withToken(token()).request('GET /app').catch((e: unknown) => e as { status: number; message: string });
    expect(error).toMatchObject({ status: 401 });
    expect((error as { message: string }).message).toMatch(message);
  });

  it('refuses a token for a suspended installation with 403', async () => {
    const frozen = [...fake.state.installations.values()].find((i) => i.account.login === 'frozen')!;
    const error = await clients.app.rest.apps.createInstallationAccessToken({ installation_id: frozen.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, message: expect.stringContaining('This installation has been suspended') });
  });

  it('issues installation tokens with expiry, permissions and repository selection', async () => {
    const { data } = await clients.app.rest.apps.createInstallationAccessToken({ installation_id: mainId });
    expect(data.token).toMatch(/^ghs_/);
    expect(Date.parse(data.expires_at) - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(data.permissions).toMatchObject({ issues: 'write', contents: 'write', metadata: 'read' });
    expect(data.repository_selection).toBe('selected');
    const tooMuch = clients.app.rest.apps.createInstallationAccessToken({ installation_id: mainId, permissions: { administration: 'write' } });
    expect(await status(tooMuch)).toBe(422);
  });
});

describe('installation access', () => {
  it('lists the installation repositories (paginated) with an installation token only', async () => {
    const octokit = await clients.installation(mainId);
    const repos = await octokit.paginate('GET /installation/repositories', { per_page: 1 });
    expect(repos.map((r) => r.full_name)).toEqual(['acme/awesome']);
    const appJwt = jwt({ iss: fake.appId, iat: Math.floor(Date.now() / 1000) - 30, exp: Math.floor(Date.now() / 1000) + 500 });
    expect(await status(clients.withToken(appJwt).request('GET /installation/repositories'))).toBe(403);
    expect(await status(clients.anonymous.request('GET /installation/repositories'))).toBe(401);
  });

  it.each([
    ['an installed repository, read', 'GET /repos/{owner}/{repo}/issues', 'acme/awesome', 200],
    ['an installed repository, write', 'POST /repos/{owner}/{repo}/labels', 'acme/awesome', 200],
    ['a private repository outside the installation', 'GET /repos/{owner}/{repo}', 'acme/private-other', 404],
    ['a public repository outside the installation, read', 'GET /repos/{owner}/{repo}', 'acme/public-other', 200],
    ['a public repository outside the installation, write', 'POST /repos/{owner}/{repo}/labels', 'acme/public-other', 403],
  ])('installation token on %s', async (_name, route, fullName, expected) => {
    const octokit = await clients.installation(mainId);
    const [owner, repo] = fullName.split('/');
    const result = await status(octokit.request(route, { owner: owner!, repo: repo!, name: `l-${Math.random()}` }));
    expect(result).toBe(expected);
  });

  it.each([
    ['no credentials, write', undefined, 'POST /repos/{owner}/{repo}/labels', 401],
    ['no credentials, private read', undefined, 'GET /repos/acme/private-other', 404],
    ['an unknown token', 'ghs_nope', 'GET /repos/{owner}/{repo}/issues', 401],
  ])('%s', async (_name, token, route, expected) => {
    const octokit = token ? clients.withToken(token) : clients.anonymous;
    expect(await status(octokit.request(route, { owner: 'acme', repo: 'awesome', name: 'x' }))).toBe(expected);
  });

  it('answers 403 when the installation lacks the permission', async () => {
    const narrow = fake.state.install({ account: 'acme', repositories: ['acme/awesome'], permissions: { metadata: 'read', issues: 'read' } });
    const octokit = await clients.installation(narrow.id);
    expect(await status(octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'awesome' }))).toBe(200);
    const write = octokit.rest.issues.create({ owner: 'acme', repo: 'awesome', title: 'x' });
    await expect(write).rejects.toMatchObject({ status: 403, message: expect.stringContaining('Resource not accessible by integration') });
  });
});

describe('who a token acts as', () => {
  it('refuses GET /user and GET /app to an installation token, as GitHub does; only GraphQL viewer names its bot', async () => {
    const token = (await clients.app.rest.apps.createInstallationAccessToken({ installation_id: mainId })).data.token;
    const installation = clients.withToken(token);
    const refusals = await Promise.all(
      ['GET /user', 'GET /app'].map(async (route) => {
        try {
          await installation.request(route);
          return [route, 200, ''];
        } catch (error) {
          const { status, response } = error as { status: number; response: { data: { message: string } } };
          return [route, status, response.data.message];
        }
      }),
    );
    expect(refusals).toEqual([
      ['GET /user', 403, 'Resource not accessible by integration'],
      ['GET /app', 401, 'A JSON web token could not be decoded'],
    ]);
    expect(await status(clients.anonymous.request('GET /user'))).toBe(401);
    expect(fake.viewerOf(token)).toEqual({ login: 'linkmedic[bot]', databaseId: fake.state.app.bot.id });
    expect(fake.viewerOf('ghs_not_a_token_this_fake_minted')).toBeUndefined();
  });
});
