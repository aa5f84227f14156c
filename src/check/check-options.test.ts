import { describe, expect, it } from 'vitest';
import { checkOptionsSchema } from './check-options.js';
import { checkUrls } from './check-urls.js';
import { hostPolicyFor } from './host-policy-for.js';
import { resolveTimeouts } from './resolve-timeouts.js';

describe('resolveTimeouts', () => {
  it.each([
    [{}, { connect: 10_000, headers: 15_000, total: 30_000 }],
    [5_000, { connect: 5_000, headers: 5_000, total: 5_000 }],
    [60_000, { connect: 10_000, headers: 15_000, total: 60_000 }],
    [{ connect: 2_000, total: 8_000 }, { connect: 2_000, headers: 8_000, total: 8_000 }],
  ])('%j → %j', (timeoutMs, expected) => {
    expect(resolveTimeouts(timeoutMs)).toEqual(expected);
  });
});

describe('hostPolicyFor', () => {
  const options = checkOptionsSchema.parse({ perHostConcurrency: 6, hosts: { 'github.com': { concurrency: 4 }, 'lab.example.edu': { intervalMs: 500 } } });
  it.each([
    ['example.org', { concurrency: 6, intervalMs: 0, headFirst: true }],
    ['github.com', { concurrency: 4, intervalMs: 1_000, headFirst: true }],
    ['gist.github.com', { concurrency: 4, intervalMs: 1_000, headFirst: true }],
    ['www.github.com', { concurrency: 4, intervalMs: 1_000, headFirst: true }],
    ['huggingface.co', { concurrency: 1, intervalMs: 3_000, headFirst: true }],
    ['drive.google.com', { concurrency: 1, intervalMs: 1_000, headFirst: false }],
    ['export.arxiv.org', { concurrency: 1, intervalMs: 3_000, headFirst: true }],
    ['www.lab.example.edu', { concurrency: 6, intervalMs: 500, headFirst: true }],
    ['example.edu', { concurrency: 6, intervalMs: 0, headFirst: true }],
  ])('%s → %j', (host, expected) => {
    expect(hostPolicyFor(host, options)).toEqual(expected);
  });
});

describe('option validation', () => {
  it.each([
    [{ perHostConcurency: 4 }, /perHostConcurency/],
    [{ hosts: { 'github.com': { concurrency: 0 } } }, /concurrency/],
    [{ hosts: { 'github.com': { rate: 1 } } }, /rate/],
    [{ timeoutMs: -1 }, /timeoutMs/],
    [{ timeoutMs: { connnect: 5 } }, /connnect/],
  ])('rejects %j as CONFIG_INVALID', async (options, message) => {
    await expect(checkUrls([], options as never)).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(message) });
  });
});
