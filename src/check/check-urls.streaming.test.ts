import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/create-http-client.js';
import type { HttpClient } from '../http/http-client.js';
import { respond, startSimulatedWeb, type SimulatedWeb } from '../../tests/support/simulated-web/index.js';
import type { CheckProgress } from './check-run.js';
import { checkUrls } from './check-urls.js';
import { createUrlFeed } from './create-url-feed.js';

let web: SimulatedWeb;
let http: HttpClient;

beforeAll(async () => {
  web = await startSimulatedWeb();
  web.route('*', '/ok', respond.ok());
  web.route('*', '/missing', respond.status(404));
  http = createHttpClient(web.clientOptions);
});
afterAll(async () => {
  await http.close();
  await web.close();
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i > 2_000) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('checkUrls on URLs that arrive while the catalog is still being read', () => {
  it('sends the first request before the input ends', async () => {
    const feed = createUrlFeed();
    const first = web.url('early.example.test', '/ok');
    feed.push(first);
    const running = checkUrls(feed, {}, { http });
    // Nothing more is pushed until the server has seen the first URL's request.
    await until(() => web.count('early.example.test') === 1);
    feed.push(web.url('late.example.test', '/missing'));
    feed.end();
    const run = await running;
    expect([...run.results.keys()]).toEqual([first, web.url('late.example.test', '/missing')]);
    expect([...run.results.values()].map((r) => r.verdict)).toEqual(['alive', 'dead']);
  });

  it('checks each distinct URL once, keeps first-arrival order, and counts the total as it grows', async () => {
    const base = web.url('dup-stream.example.test', '/ok');
    const inputs = [base, `${base}#a`, 'mailto:x@example.org', base, `${base}#a`, web.url('other-stream.example.test', '/ok')];
    async function* stream() {
      for (const url of inputs) {
        yield url;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const seen: CheckProgress[] = [];
    const run = await checkUrls(stream(), { onProgress: (p) => seen.push(p) }, { http });
    expect([...run.results.keys()]).toEqual([base, `${base}#a`, 'mailto:x@example.org', web.url('other-stream.example.test', '/ok')]);
    expect(web.count('dup-stream.example.test')).toBe(1);
    expect(run.stats).toMatchObject({ urls: 4, requests: 2 });
    const totals = seen.map((p) => p.total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ done: 4, total: 4 });
  });

  it('rejects with the error of a source that fails', async () => {
    const feed = createUrlFeed();
    feed.push(web.url('failing-source.example.test', '/ok'));
    feed.end(new Error('extraction failed'));
    await expect(checkUrls(feed, {}, { http })).rejects.toThrow('extraction failed');
  });
});
