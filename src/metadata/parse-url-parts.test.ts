import { describe, expect, it } from 'vitest';
import { parseUrlParts } from './parse-url-parts.js';

const partsOf = (url: URL | ReturnType<typeof parseUrlParts>) =>
  url && { protocol: url.protocol, hostname: url.hostname, port: url.port, pathname: url.pathname, search: url.search, hash: url.hash };

const SCHEMES = ['https://', 'http://', 'HTTPS://', 'Http://', 'ftp://', 'https:/', 'https:', ' https://', 'mailto:'];
const HOSTS = [
  'example.org', 'GitHub.com', 'www.huggingface.co', 'hf.co', 'a-b.example', '-a.example', 'a-.example', 'a..b', 'a.b.', '1.2.3.4', '1.2', '0x7f.1',
  '127.0.0.1', '1.example', 'example.123', 'example.0x', 'xn--80ak6aa92e.com', 'XN--a.com', 'a_b.example', 'user@host.example', 'host.example:8080',
  'host.example:443', 'ex%41mple.com', 'exämple.com', '[::1]', 'a'.repeat(70) + '.com', 'localhost', '',
];
const PATHS = [
  '', '/', '/a/b', '/Org/Repo.git', '/a/./b', '/a/../b', '/.', '/..', '/%2e/x', '/%2E%2E/x', '/.x/..y', '/a%20b', '/a%zz', '/a b', '/a\\b', "/it's",
  '/(x)/[y]', '/a|b', '/~user/_x-y.z', '/a;b=c,d:e@f!$&*+', '/ä', '/a"b', '/a<b>', '/a^b', '/a`b', '/a{b}', '/datasets/org/set_1/tree/main',
];
const QUERIES = ['', '?', '?a=1&b=2', '?q=a b', "?q='x'", '?a=%zz', '?x?y', '?a=1/2:3@4', '?a"b', '?a<b', '?ä', '?a`b', '?a{b}'];
const FRAGMENTS = ['', '#', '#top', '#a#b', '#a b', '#a"b', '#a<b', '#a`b', '#ä', '#a{b}|c', '#L10-L20'];

describe('parseUrlParts', () => {
  it('gives URL.parse’s parts, or null, for every combination of schemes, hosts, paths, queries and fragments', () => {
    let compared = 0;
    let readHere = 0;
    for (const scheme of SCHEMES)
      for (const host of HOSTS)
        for (const path of PATHS)
          for (const query of QUERIES.slice(0, path.length % 5 === 0 ? undefined : 4))
            for (const fragment of FRAGMENTS.slice(0, query.length % 3 === 0 ? undefined : 3)) {
              const url = `${scheme}${host}${path}${query}${fragment}`;
              const parts = parseUrlParts(url);
              expect(partsOf(parts), url).toEqual(partsOf(URL.parse(url)));
              compared++;
              if (parts && !(parts instanceof URL)) readHere++;
            }
    expect(compared).toBeGreaterThan(50_000);
    // The plain ones are read without URL: the fast path is not dead.
    expect(readHere).toBeGreaterThan(5_000);
  });

  it.each([
    ['https://huggingface.co/datasets/org1/set_2', { hostname: 'huggingface.co', pathname: '/datasets/org1/set_2', search: '' }],
    ['HTTP://GitHub.com/Org/Repo?tab=readme#top', { protocol: 'http:', hostname: 'github.com', pathname: '/Org/Repo', search: '?tab=readme', hash: '#top' }],
    ['https://arxiv.org', { pathname: '/', search: '', hash: '' }],
  ])('reads %s without URL', (url, expected) => {
    const parts = parseUrlParts(url);
    expect(parts).not.toBeInstanceOf(URL);
    expect(parts).toMatchObject(expected);
  });
});
