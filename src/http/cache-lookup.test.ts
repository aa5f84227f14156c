import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTestLookup } from '../../tests/support/simulated-web/index.js';
import { cacheLookup } from './cache-lookup.js';

const ask = (lookup: LookupFunction, name: string, all = false) =>
  new Promise<unknown>((resolve) => lookup(name, { all }, (error, address) => resolve(error ? (error as NodeJS.ErrnoException).code : address)));

describe('cacheLookup', () => {
  it('shares one query among concurrent lookups of a name, in both answer forms', async () => {
    const inner = createTestLookup((name) => (name === 'a.example' ? '93.184.215.14' : undefined));
    const lookup = cacheLookup(inner, 60_000);
    const answers = await Promise.all([ask(lookup, 'a.example'), ask(lookup, 'a.example', true), ask(lookup, 'a.example')]);
    expect(answers).toEqual(['93.184.215.14', [{ address: '93.184.215.14', family: 4 }], '93.184.215.14']);
    expect(inner.calls).toEqual(['a.example']);
  });

  it('asks again once the answer is older than the TTL', async () => {
    let now = 0;
    const inner = createTestLookup(() => '93.184.215.14');
    const lookup = cacheLookup(inner, 1_000, () => now);
    await ask(lookup, 'a.example');
    now = 999;
    await ask(lookup, 'a.example');
    now = 1_001;
    await ask(lookup, 'a.example');
    expect(inner.calls).toHaveLength(2);
  });

  it('shares a failure with the waiting lookups but does not keep it', async () => {
    const inner = createTestLookup(() => ({ error: 'EAI_AGAIN' }));
    const lookup = cacheLookup(inner, 60_000);
    expect(await Promise.all([ask(lookup, 'b.example'), ask(lookup, 'b.example')])).toEqual(['EAI_AGAIN', 'EAI_AGAIN']);
    expect(await ask(lookup, 'b.example')).toBe('EAI_AGAIN');
    expect(inner.calls).toHaveLength(2);
  });
});
