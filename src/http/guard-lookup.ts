import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress } from './is-private-address.js';
import { PrivateAddressError } from './private-address-error.js';

/**
 * Wraps a resolver so that connections only ever go to public addresses. Checking here, inside
 * the socket's own lookup, means the address we vet is the address we connect to: a DNS answer
 * cannot change between the check and the connection (rebinding), and every redirect hop and
 * every reconnect passes through it.
 */
export function guardLookup(lookup: LookupFunction): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    lookup(hostname, { ...options, all: true }, (error, result, family) => {
      if (error) return callback(error, '', 0);
      const addresses: LookupAddress[] =
        typeof result === 'string' ? [{ address: result, family: family ?? 4 }] : result;
      const allowed = addresses.filter((entry) => !isPrivateAddress(entry.address));
      const first = allowed[0];
      if (!first) {
        const refused = addresses[0]?.address ?? '';
        return callback(new PrivateAddressError(hostname, refused) as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) {
        (callback as unknown as (err: null, all: LookupAddress[]) => void)(null, allowed);
      } else {
        callback(null, first.address, first.family);
      }
    });
  };
}
