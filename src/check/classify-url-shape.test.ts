import { describe, expect, it } from 'vitest';
import { detectBotWall } from './detect-bot-wall.js';
import { isHomePageRedirect } from './is-home-page-redirect.js';
import { isSignInUrl } from './is-sign-in-url.js';

describe('isSignInUrl', () => {
  it.each([
    ['https://accounts.google.com/ServiceLogin?continue=x', true],
    ['https://login.microsoftonline.com/common/oauth2', true],
    ['https://github.com/login?return_to=%2Fo%2Fr', true],
    ['https://gitlab.com/users/sign_in', true],
    ['https://huggingface.co/login?next=%2Fdatasets%2Fx', true],
    ['https://www.linkedin.com/authwall?trk=x', true],
    ['https://example.org/sso/start', true],
    ['https://github.com/openai/login-flow', false],
    ['https://example.org/blog/how-to-login', false],
    ['https://huggingface.co/datasets/x', false],
  ])('%s → %s', (url, expected) => {
    expect(isSignInUrl(new URL(url))).toBe(expected);
  });
});

describe('isHomePageRedirect', () => {
  it.each([
    ['https://lab.example.edu/people/alice/data.html', 'https://lab.example.edu/', true],
    ['https://example.org/project', 'https://example.org/en/', true],
    ['https://example.org/project', 'https://example.org/index.html', true],
    ['https://old-domain.org/dataset', 'https://new-owner.com/', true],
    ['https://example.org/?p=123', 'https://example.org/', true],
    ['https://example.org', 'https://www.example.org/', false],
    ['http://example.org/', 'https://example.org/', false],
    ['https://bit.ly/3xYz', 'https://example.org/', false],
    ['https://example.org/ok', 'https://example.org/ok/', false],
    ['https://example.org/a', 'https://example.org/?next=/a', false],
  ])('%s → %s: %s', (start, final, expected) => {
    expect(isHomePageRedirect(new URL(start), new URL(final))).toBe(expected);
  });
});

describe('detectBotWall', () => {
  it.each([
    [403, { 'cf-mitigated': 'challenge' }, '', 'a Cloudflare challenge'],
    [503, { server: 'cloudflare' }, '<title>Just a moment...</title>', 'a Cloudflare challenge'],
    [403, { server: 'cloudflare' }, '<title>Attention Required! | Cloudflare</title>', 'a Cloudflare challenge'],
    [202, { 'x-amzn-waf-action': 'challenge' }, '', 'an AWS WAF challenge'],
    [405, { 'x-amzn-waf-action': 'captcha' }, '', 'an AWS WAF captcha'],
    [403, { 'x-datadome': 'protected' }, '', 'a DataDome challenge'],
    [403, { server: 'cloudflare' }, '<title>403 Forbidden</title>', undefined],
    [503, { server: 'nginx' }, '<title>Just a moment...</title>', undefined],
    [200, {}, '', undefined],
  ])('%s %j → %s', (status, headers, body, expected) => {
    expect(detectBotWall(status, headers, body)).toBe(expected);
  });
});
