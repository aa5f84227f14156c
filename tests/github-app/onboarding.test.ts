import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from './support/app-harness.js';
import { expectInvariants } from './support/final-state.js';

let h: AppHarness;
beforeAll(async () => {
  h = await startAppHarness({ start: new Date('2026-11-02T01:00:00Z') });
});
afterAll(() => h?.close());

const onboardingPulls = (repo: string) => h.fake.inspect.pulls(repo).filter((pull) => pull.headRef === 'linkmedic/configure');
const creation = (path: RegExp) => (request: { method: string; path: string }) => request.method === 'POST' && path.test(request.path);

describe('welcoming repositories', () => {
  it('tries a repository whose onboarding failed again at once, without a second pull request', async () => {
    for (const name of ['acme/first', 'acme/second']) h.fake.state.createRepo({ fullName: name, files: { 'README.md': '# List\n- [x](https://example.test/)\n' } });
    // acme/first: GitHub refuses the branch once (a 502 before acting); acme/second: the pull
    // request is opened but the answer is lost (a 502 after acting).
    h.fake.faults.serverError({ times: 1, when: 'before', match: creation(/^\/repos\/acme\/first\/git\/refs$/) });
    h.fake.faults.serverError({ times: 1, when: 'after', match: creation(/^\/repos\/acme\/second\/pulls$/) });
    h.fake.human.install({ account: 'acme', repositories: ['acme/first', 'acme/second'] });
    await h.settle();
    expect(h.fake.faults.injected.map((fault) => `${fault.method} ${fault.path}`)).toEqual(['POST /repos/acme/first/git/refs', 'POST /repos/acme/second/pulls']);
    for (const repo of ['acme/first', 'acme/second']) {
      expect(onboardingPulls(repo).map((pull) => [pull.title, pull.state]), repo).toEqual([['Configure linkmedic', 'open']]);
      expectInvariants(h.fake, repo);
    }
  });
});
