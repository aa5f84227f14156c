import { describe, expect, it } from 'vitest';
import { PrivateAddressError } from '../http/private-address-error.js';
import { classifyError } from './classify-error.js';

const err = (code: string | undefined, extra: Record<string, unknown> = {}) => Object.assign(new Error(`failure ${code}`), { code, ...extra });

describe('classifyError (by code, through cause chains)', () => {
  it.each([
    [err('ENOTFOUND'), 'dead', 'dns_not_found', false, 'dns'],
    [err('EAI_AGAIN'), 'network_error', 'dns_error', true, 'dns'],
    [err('ECONNREFUSED'), 'network_error', 'connection_refused', true, undefined],
    [err('ECONNRESET'), 'network_error', 'connection_reset', true, undefined],
    [new TypeError('fetch failed', { cause: err('UND_ERR_SOCKET') }), 'network_error', 'connection_reset', true, undefined],
    [err('ENETUNREACH'), 'network_error', 'network_unreachable', true, 'unreachable'],
    [err('EHOSTUNREACH'), 'network_error', 'network_unreachable', true, 'unreachable'],
    [err('UND_ERR_CONNECT_TIMEOUT'), 'timeout', 'connect_timeout', false, undefined],
    [err('UND_ERR_HEADERS_TIMEOUT'), 'timeout', 'headers_timeout', false, undefined],
    [err('LINKMEDIC_TOTAL_TIMEOUT'), 'timeout', 'total_timeout', false, undefined],
    [err('CERT_HAS_EXPIRED'), 'tls_error', 'tls_expired', false, undefined],
    [err('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls_error', 'tls_wrong_host', false, undefined],
    [err('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls_error', 'tls_self_signed', false, undefined],
    [err('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'tls_error', 'tls_untrusted', false, undefined],
    [err('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE'), 'tls_error', 'tls_handshake_failed', false, undefined],
    [err('UND_ERR_HEADERS_OVERFLOW'), 'network_error', 'protocol_error', false, undefined],
    [Object.assign(new Error('not HTTP'), { name: 'HTTPParserError' }), 'network_error', 'protocol_error', true, undefined],
    [err('UND_ERR_ABORTED'), 'network_error', 'proxy_error', true, undefined],
    [new PrivateAddressError('internal.example', '10.0.0.1'), 'skipped', 'private_address', false, undefined],
    [new TypeError('fetch failed', { cause: new PrivateAddressError('x', '127.0.0.1') }), 'skipped', 'private_address', false, undefined],
    [new Error('something else'), 'network_error', 'network_failure', false, undefined],
  ])('%s → %s / %s', (error, verdict, reason, retriable, environment) => {
    const { verdict: v, reason: r, retriable: t, environment: e } = classifyError(error);
    expect({ v, r, t, e }).toEqual({ v: verdict, r: reason, t: retriable, e: environment });
  });

  const ipProxy = { hostname: '127.0.0.1', port: 3128 };
  const namedProxy = { hostname: 'proxy.corp.example', port: 8080 };
  it.each([
    ['refused at the proxy IP and port', err('ECONNREFUSED', { address: '127.0.0.1', port: 3128 }), ipProxy, true],
    ['refused at the same IP, another port (a NO_PROXY host)', err('ECONNREFUSED', { address: '127.0.0.1', port: 8080 }), ipProxy, false],
    ['the proxy name does not resolve', err('ENOTFOUND', { hostname: 'proxy.corp.example' }), namedProxy, true],
    ['refused at the named proxy\'s port', err('ECONNREFUSED', { address: '10.1.1.1', port: 8080 }), namedProxy, true],
    ['another name does not resolve', err('ENOTFOUND', { hostname: 'gone.example' }), namedProxy, false],
  ])('%s → proxy failure: %s', (_name, error, proxy, isProxy) => {
    expect(classifyError(error, [proxy]).environment === 'proxy').toBe(isProxy);
  });
});
