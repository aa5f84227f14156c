import { describe, expect, it } from 'vitest';
import type { CheckResult, Suggestion } from '../check/check-result.js';
import type { Verdict } from '../check/verdict.js';
import { suggestHttpsUpgrade } from './suggest-https-upgrade.js';

const LINK = 'http://a.test/page#part';
const SECURE = 'https://a.test/page#part';

const result = (url: string, verdict: Verdict, extra: Partial<CheckResult> = {}): CheckResult =>
  ({ url, verdict, reason: verdict, detail: '', redirects: [], elapsedMs: 0, ...extra });
const moved = (url: string): Suggestion => ({ url, kind: 'permanent_redirect' });

// The end-to-end cases (real servers, redirects, certificates) are in tests/pipeline/https-upgrade.test.ts;
// these pin the rule's corners, precedence first.
describe('suggestHttpsUpgrade', () => {
  it.each<{ name: string; link: CheckResult; secure?: CheckResult; expected?: string }>([
    { name: 'both answer at the same address', link: result(LINK, 'alive'), secure: result(SECURE, 'alive'), expected: SECURE },
    { name: 'http redirects temporarily to its https form', link: result(LINK, 'alive', { finalUrl: 'https://a.test/page' }), secure: result(SECURE, 'alive'), expected: SECURE },
    { name: 'a permanent redirect to exactly the https form is relabelled', link: result(LINK, 'redirected', { finalUrl: 'https://a.test/page', suggestion: moved(SECURE) }), secure: result(SECURE, 'alive'), expected: SECURE },
    { name: 'a permanent redirect to another page keeps its suggestion', link: result(LINK, 'redirected', { finalUrl: 'https://a.test/new', suggestion: moved('https://a.test/new#part') }), secure: result(SECURE, 'redirected', { finalUrl: 'https://a.test/new', suggestion: moved('https://a.test/new#part') }) },
    { name: 'a rename wins', link: result(LINK, 'redirected', { suggestion: { url: 'https://a.test/renamed', kind: 'repo_rename' } }), secure: result(SECURE, 'alive') },
    { name: 'a markdown fix wins', link: result(LINK, 'dead', { suggestion: { url: 'http://a.test/pa_ge', kind: 'markdown_fix' } }), secure: result(SECURE, 'alive') },
    { name: 'both end on one page through different redirects', link: result(LINK, 'alive', { finalUrl: 'https://www.a.test/page' }), secure: result(SECURE, 'alive', { finalUrl: 'https://www.a.test/page' }), expected: SECURE },
    { name: 'the https form redirects permanently to that page: its target, fixed once', link: result(LINK, 'alive', { finalUrl: 'https://www.a.test/page' }), secure: result(SECURE, 'redirected', { finalUrl: 'https://www.a.test/page', suggestion: moved('https://www.a.test/page#part') }), expected: 'https://www.a.test/page#part' },
    { name: 'the https form lands on another page', link: result(LINK, 'alive'), secure: result(SECURE, 'alive', { finalUrl: 'https://parking.test/lander' }) },
    { name: 'a different query is a different page', link: result(LINK, 'alive'), secure: result(SECURE, 'alive', { finalUrl: 'https://a.test/page?session=1' }) },
    { name: 'http failing, https answers at the same address', link: result(LINK, 'dead', { httpStatus: 404 }), secure: result(SECURE, 'alive'), expected: SECURE },
    { name: 'http refused, https answers at the same address', link: result(LINK, 'network_error'), secure: result(SECURE, 'alive'), expected: SECURE },
    { name: 'http failing, https redirects elsewhere', link: result(LINK, 'dead'), secure: result(SECURE, 'alive', { finalUrl: 'https://a.test/other' }) },
    { name: 'http failing, https redirects to the same page on another host', link: result(LINK, 'timeout'), secure: result(SECURE, 'alive', { finalUrl: 'https://www.a.test/page' }) },
    { name: 'https certificate invalid', link: result(LINK, 'alive'), secure: result(SECURE, 'tls_error') },
    { name: 'https bot wall', link: result(LINK, 'alive'), secure: result(SECURE, 'blocked') },
    { name: 'https login wall', link: result(LINK, 'alive'), secure: result(SECURE, 'restricted') },
    { name: 'https soft 404', link: result(LINK, 'alive'), secure: result(SECURE, 'dead') },
    { name: 'http bot wall', link: result(LINK, 'blocked'), secure: result(SECURE, 'alive') },
    { name: 'http rate limited', link: result(LINK, 'rate_limited'), secure: result(SECURE, 'alive') },
    { name: 'http not judged (offline or excluded)', link: result(LINK, 'skipped'), secure: result(SECURE, 'alive') },
    { name: 'the https form was not checked', link: result(LINK, 'alive') },
    { name: 'an https link', link: result(SECURE, 'alive'), secure: result(SECURE, 'alive') },
  ])('$name', ({ link, secure, expected }) => {
    const suggestion = suggestHttpsUpgrade(link, (url) => (url === secure?.url ? secure : undefined));
    expect(suggestion).toEqual(expected === undefined ? undefined : { url: expected, kind: 'https_upgrade' });
  });
});
