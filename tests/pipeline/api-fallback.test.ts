import type { Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/create-http-client.js';
import type { HttpClient } from '../../src/http/http-client.js';
import { checkCatalog } from '../../src/pipeline.js';
import { openStore } from '../../src/store/open-store.js';
import { startFakeGithubApi, type RunningFakeGithubApi } from '../support/fake-github-api/fake-github-api.js';
import { respond, startSimulatedWeb, type SimulatedWeb } from '../support/simulated-web/index.js';

let web: SimulatedWeb;
let github: RunningFakeGithubApi;
let http: HttpClient;

beforeAll(async () => {
  web = await startSimulatedWeb();
  web.mapHost('github.com');
  web.route('github.com', '/acme/med-llm', respond.ok('<title>acme/med-llm</title>'));
  github = await startFakeGithubApi({ tokens: ['the-right-token'], repos: [{ fullName: 'acme/med-llm', stars: 1 }] });
  // github.com:443 cannot be served locally: its requests go to the simulated web's port instead.
  const client = createHttpClient(web.clientOptions);
  const toWeb: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) =>
    dispatch({ ...options, origin: String(options.origin).replace('https://github.com', new URL(web.url('github.com', '/')).origin) }, handler);
  http = { ...client, dispatcher: client.dispatcher.compose(toWeb) };
});

afterAll(async () => {
  await http.close();
  await Promise.all([web.close(), github.close()]);
});

describe('an API that cannot vouch for a link', () => {
  it('leaves the verdict to HTTP and says why in the report', async () => {
    const store = await openStore({ path: ':memory:' });
    try {
      const { report } = await checkCatalog(
        [{ file: 'README.md', text: '- MedLLM https://github.com/acme/med-llm\n' }],
        { catalog: 'local:README.md', archive: false },
        { http, store, env: { GITHUB_TOKEN: 'a-revoked-token', GITHUB_API_URL: github.url } },
      );
      expect(report.links).toMatchObject([{
        url: 'https://github.com/acme/med-llm',
        verdict: 'alive',
        checkedBy: 'http',
        apiFallback: expect.stringMatching(/^api_unauthorized: GitHub rejected the token/),
      }]);
      expect(report.links[0]!.github).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
