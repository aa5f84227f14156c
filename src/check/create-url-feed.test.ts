import { describe, expect, it } from 'vitest';
import { createUrlFeed } from './create-url-feed.js';

async function readAll(feed: AsyncIterable<string>): Promise<string[]> {
  const seen: string[] = [];
  for await (const url of feed) seen.push(url);
  return seen;
}

describe('createUrlFeed', () => {
  it('yields what was pushed, in order, before and while it is read, until it ends', async () => {
    const feed = createUrlFeed();
    feed.push('https://a.example/1');
    const reading = readAll(feed);
    await new Promise((resolve) => setImmediate(resolve));
    feed.push('https://a.example/2');
    feed.push('https://b.example/1');
    feed.end();
    expect(await reading).toEqual(['https://a.example/1', 'https://a.example/2', 'https://b.example/1']);
  });

  it('ends a reader that is waiting, and an empty feed at once', async () => {
    const feed = createUrlFeed();
    const reading = readAll(feed);
    await new Promise((resolve) => setImmediate(resolve));
    feed.end();
    expect(await reading).toEqual([]);
  });

  it('hands the URLs pushed before a failure on, then the failure', async () => {
    const feed = createUrlFeed();
    const seen: string[] = [];
    feed.push('https://a.example/1');
    feed.end(new Error('extraction failed'));
    await expect((async () => {
      for await (const url of feed) seen.push(url);
    })()).rejects.toThrow('extraction failed');
    expect(seen).toEqual(['https://a.example/1']);
  });

  it('refuses a push after the end', () => {
    const feed = createUrlFeed();
    feed.end();
    expect(() => feed.push('https://a.example/1')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});
