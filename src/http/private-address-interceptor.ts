import { isIP } from 'node:net';
import type { Dispatcher } from 'undici';
import { isPrivateAddress } from './is-private-address.js';
import { PrivateAddressError } from './private-address-error.js';

/**
 * Refuses requests whose URL names a private IP literal or a `localhost` name. The guarded lookup
 * cannot see these: sockets skip name resolution for IP literals, and through a proxy it is the
 * proxy that resolves names. Runs for every dispatch, so for every redirect hop too.
 */
export function privateAddressInterceptor(): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const origin = typeof options.origin === 'string' ? new URL(options.origin) : options.origin;
    const hostname = origin?.hostname.replace(/^\[|\]$/g, '').toLowerCase() ?? '';
    const refused =
      (isIP(hostname) !== 0 && isPrivateAddress(hostname)) ||
      hostname === 'localhost' ||
      hostname.endsWith('.localhost');
    if (!refused) return dispatch(options, handler);
    handler.onResponseError?.(null as unknown as Dispatcher.DispatchController,
      new PrivateAddressError(hostname, hostname === 'localhost' || hostname.endsWith('.localhost') ? '127.0.0.1' : hostname));
    return true;
  };
}
