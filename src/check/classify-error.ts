import { isIP } from 'node:net';
import { findPrivateAddressError } from '../http/private-address-error.js';
import type { CheckReason } from './check-reason.js';
import { CHECK_REASONS } from './check-reason.js';
import { TOTAL_TIMEOUT } from './send-probe.js';
import type { Verdict } from './verdict.js';

export interface ErrorClassification {
  verdict: Verdict;
  reason: CheckReason;
  detail: string;
  /** Worth another attempt in this run, after a backoff. */
  retriable: boolean;
  /** After a HEAD, GET would fail the same way (or must not be tried: timeouts). */
  finalAfterHead: boolean;
  /** The failure points at the checker's own network, not at the link (the offline rule). */
  environment?: 'dns' | 'unreachable' | 'proxy';
}

const TLS_REASONS: Record<string, CheckReason> = {
  CERT_HAS_EXPIRED: 'tls_expired',
  CERT_NOT_YET_VALID: 'tls_expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls_wrong_host',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls_self_signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls_self_signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls_untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'tls_untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls_untrusted',
  CERT_UNTRUSTED: 'tls_untrusted',
  CERT_REVOKED: 'tls_untrusted',
  CERT_SIGNATURE_FAILURE: 'tls_untrusted',
  ERR_SSL_WRONG_VERSION_NUMBER: 'tls_handshake_failed',
  EPROTO: 'tls_handshake_failed',
};

const TRANSIENT: Record<string, CheckReason> = {
  ECONNREFUSED: 'connection_refused',
  ECONNRESET: 'connection_reset',
  EPIPE: 'connection_reset',
  ECONNABORTED: 'connection_reset',
  UND_ERR_SOCKET: 'connection_reset',
  UND_ERR_CLOSED: 'connection_reset',
  EAI_AGAIN: 'dns_error',
  EAI_FAIL: 'dns_error',
  ENETUNREACH: 'network_unreachable',
  EHOSTUNREACH: 'network_unreachable',
  ENETDOWN: 'network_unreachable',
  EHOSTDOWN: 'network_unreachable',
  UND_ERR_ABORTED: 'proxy_error',
};

export interface ProxyEndpoint {
  hostname: string;
  port: number;
}

/**
 * Turns a request failure into a verdict, by error `code` (undici's and Node's, walking the
 * `cause` chain), never by message text. `proxies` lets a failure to reach the configured proxy
 * count as the checker's problem rather than the link's.
 */
export function classifyError(error: unknown, proxies: readonly ProxyEndpoint[] = []): ErrorClassification {
  const denied = findPrivateAddressError(error);
  if (denied) return make('private_address', denied.message, { finalAfterHead: true });
  const { code, detail, port, host } = describe(error);
  const toProxy = (p: ProxyEndpoint) =>
    (host === p.hostname && (port === undefined || port === p.port)) ||
    (port === p.port && host !== undefined && isIP(host) !== 0 && isIP(p.hostname) === 0);
  if (code !== TOTAL_TIMEOUT && proxies.some(toProxy)) {
    return make('proxy_error', `cannot reach the proxy: ${detail}`, { retriable: true, environment: 'proxy' });
  }
  if (code === TOTAL_TIMEOUT) return make('total_timeout', detail, { finalAfterHead: true });
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return make('connect_timeout', detail, { finalAfterHead: true });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return make('headers_timeout', detail, { finalAfterHead: true });
  if (code === 'ENOTFOUND') {
    return make('dns_not_found', `the host name does not resolve (${detail})`, { finalAfterHead: true, environment: 'dns' });
  }
  const tls = TLS_REASONS[code] ?? (code.startsWith('ERR_SSL_') ? 'tls_handshake_failed' : undefined);
  if (tls) return make(tls, detail, { finalAfterHead: true });
  const transient = TRANSIENT[code];
  if (transient) {
    const environment = transient === 'dns_error' ? 'dns' : transient === 'network_unreachable' ? 'unreachable' : undefined;
    return make(transient, detail, { retriable: true, environment });
  }
  // A garbled answer may come from a kept-alive socket a broken server left dirty: retry fresh.
  if (code.startsWith('HPE_')) return make('protocol_error', detail, { retriable: true });
  if (code === 'UND_ERR_HEADERS_OVERFLOW' || code === 'UND_ERR_INFO') return make('protocol_error', detail, {});
  return make('network_failure', detail, {});
}

function make(
  reason: CheckReason,
  detail: string,
  flags: { retriable?: boolean; finalAfterHead?: boolean; environment?: ErrorClassification['environment'] },
): ErrorClassification {
  return {
    verdict: CHECK_REASONS[reason][0],
    reason,
    detail,
    retriable: flags.retriable ?? false,
    finalAfterHead: flags.finalAfterHead ?? false,
    ...(flags.environment ? { environment: flags.environment } : {}),
  };
}

/** The innermost error code and a one-line description. */
function describe(error: unknown): { code: string; detail: string; port?: number; host?: string } {
  let found: { code: string; message: string; port?: number; host?: string } | undefined;
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const candidate = current as {
      code?: unknown; name?: unknown; message?: unknown; port?: unknown; address?: unknown; hostname?: unknown; cause?: unknown;
    };
    // Node's connect errors carry `address` + `port`; resolver errors carry `hostname`.
    const host = candidate.address ?? candidate.hostname;
    // undici's parser errors carry no code when the answer is not HTTP at all.
    const code = typeof candidate.code === 'string' ? candidate.code : candidate.name === 'HTTPParserError' ? 'HPE_INVALID' : undefined;
    if (code !== undefined) {
      found = {
        code,
        message: String(candidate.message ?? code),
        ...(typeof candidate.port === 'number' ? { port: candidate.port } : {}),
        ...(typeof host === 'string' ? { host } : {}),
      };
    }
    current = candidate.cause;
  }
  if (!found) return { code: '', detail: error instanceof Error ? error.message : String(error) };
  return { code: found.code, detail: found.message.split('\n')[0]!, port: found.port, host: found.host };
}
