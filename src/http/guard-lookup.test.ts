import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import { guardLookup } from './guard-lookup.js';
import { PrivateAddressError } from './private-address-error.js';

const fake = (table: Record<string, string[]>): LookupFunction =>
  ((name: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const addresses = (table[name] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    if (addresses.length === 0) return callback(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }));
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  }) as unknown as LookupFunction;

const resolve = (lookup: LookupFunction, name: string, all: boolean) =>
  new Promise<{ error?: Error; result?: string | LookupAddress[] }>((done) =>
    lookup(name, { all }, (error, result) => done(error ? { error } : { result })),
  );

describe('guardLookup', () => {
  const guarded = guardLookup(fake({
    'public.example': ['93.184.215.14'],
    'metadata.example': ['169.254.169.254'],
    'mixed.example': ['10.0.0.5', '93.184.215.14', '::1'],
    'v6.example': ['::ffff:127.0.0.1'],
  }));

  it.each([
    ['public.example', false, '93.184.215.14'],
    ['public.example', true, [{ address: '93.184.215.14', family: 4 }]],
    ['mixed.example', true, [{ address: '93.184.215.14', family: 4 }]],
    ['mixed.example', false, '93.184.215.14'],
  ])('passes the public addresses of %s (all: %s)', async (name, all, expected) => {
    expect((await resolve(guarded, name, all)).result).toEqual(expected);
  });

  it.each(['metadata.example', 'v6.example'])('refuses %s, which resolves only to private addresses', async (name) => {
    const { error } = await resolve(guarded, name, true);
    expect(error).toBeInstanceOf(PrivateAddressError);
    expect(error).toMatchObject({ code: 'ELINKMEDIC_PRIVATE_ADDRESS', hostname: name });
  });

  it('passes resolver errors through unchanged', async () => {
    expect((await resolve(guarded, 'missing.example', false)).error).toMatchObject({ code: 'ENOTFOUND' });
  });
});
