import { describe, expect, it } from 'vitest';
import { parseRateLimitHeaders } from './parse-rate-limit-headers.js';

describe('parseRateLimitHeaders', () => {
  it.each([
    ['the Hub\'s pair', { ratelimit: '"api";r=499;t=287', 'ratelimit-policy': '"fixed window";"api";q=500;w=300' },
      { remaining: 499, resetSeconds: 287, quota: 500, windowSeconds: 300 }],
    ['an empty bucket with Retry-After', { ratelimit: '"api";r=0;t=55', 'retry-after': '30' },
      { remaining: 0, resetSeconds: 55, retryAfterSeconds: 30 }],
    ['spaces and case', { RateLimit: '"api"; R=7 ; T=9' }, { remaining: 7, resetSeconds: 9 }],
    ['a list: the first member counts', { ratelimit: '"api";r=5;t=10, "pages";r=1;t=99' }, { remaining: 5, resetSeconds: 10 }],
    ['the earlier drafts\' separate fields', { 'ratelimit-remaining': '41', 'ratelimit-reset': '12' }, { remaining: 41, resetSeconds: 12 }],
    ['RateLimit wins over the separate fields', { ratelimit: '"api";r=3;t=4', 'ratelimit-remaining': '41', 'ratelimit-reset': '12' }, { remaining: 3, resetSeconds: 4 }],
    ['an HTTP-date Retry-After is ignored', { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }, {}],
    ['garbage', { ratelimit: 'r=-1;t=x', 'ratelimit-policy': 'nonsense', 'ratelimit-remaining': '-3', 'ratelimit-reset': 'soon' }, {}],
    ['nothing', {}, {}],
  ])('%s', (_case, headers, expected) => {
    expect(parseRateLimitHeaders(new Headers(headers))).toEqual(expected);
  });
});
