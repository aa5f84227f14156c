import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { createSecureContext } from 'node:tls';
import { EnvHttpProxyAgent, Headers, fetch as undiciFetch, type Dispatcher } from 'undici';
import { z } from 'zod';
import { LinkmedicError } from '../errors.js';
import { buildCaList } from './build-ca-list.js';
import { cacheLookup } from './cache-lookup.js';
import { guardLookup } from './guard-lookup.js';
import type { HttpClient } from './http-client.js';
import { privateAddressInterceptor } from './private-address-interceptor.js';
import { USER_AGENT } from './user-agent.js';

const isFunction = (value: unknown) => typeof value === 'function';

export const httpClientOptionsSchema = z
  .object({
    /** Where proxy variables and `NODE_EXTRA_CA_CERTS` are read. Default `process.env`. */
    env: z.record(z.string(), z.string().optional()).optional(),
    /** Name resolver used for direct connections (tests map `*.example.test` here). Default `dns.lookup`. */
    lookup: z.custom<LookupFunction>(isFunction, 'lookup must be a function').optional(),
    /** Turn the private-address guard off (self-hosted use, tests). Default false. */
    allowPrivateNetworks: z.boolean().default(false),
    /** How long resolved addresses are reused; one query per name per run at the default. */
    dnsCacheTtlMs: z.number().int().min(0).default(60_000),
    /** PEM certificates trusted in addition to Node's store and `NODE_EXTRA_CA_CERTS`. */
    extraCaCerts: z.array(z.string()).default([]),
    /** TCP + TLS handshake budget per connection. */
    connectTimeoutMs: z.number().int().positive().default(10_000),
    /** Default budget for the response head; callers may pass their own per request. */
    headersTimeoutMs: z.number().int().positive().default(30_000),
    /** Default budget between body chunks. */
    bodyTimeoutMs: z.number().int().positive().default(30_000),
    /** Larger response heads are refused (Node's own default is 16 KiB; some sites send more). */
    maxHeaderSize: z.number().int().positive().default(64 * 1024),
    /** Larger bodies are refused; the checker itself reads far less and aborts. */
    maxResponseSize: z.number().int().positive().default(32 * 1024 * 1024),
    /** How long an idle keep-alive connection is kept for reuse. */
    keepAliveTimeoutMs: z.number().int().positive().default(10_000),
    userAgent: z.string().min(1).default(USER_AGENT),
  })
  .strict();

export type HttpClientOptions = z.input<typeof httpClientOptionsSchema>;

/**
 * The one outbound HTTP client of linkmedic: proxies from the environment, extra CAs, the
 * private-address guard, bounded sizes and timeouts, keep-alive, and our User-Agent. The link
 * checker dispatches through `dispatcher`; API clients (octokit's `request.fetch`) use `fetch`.
 *
 * Through a proxy, the proxy resolves target names, so the guard can only refuse IP literals and
 * `localhost` names there: the proxy operator owns egress policy, and resolving names ourselves
 * first would fail on networks whose only route out is the proxy. Direct connections (and
 * `NO_PROXY` hosts) vet every resolved address.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const parsed = httpClientOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new LinkmedicError('CONFIG_INVALID', `invalid HTTP client options: ${z.prettifyError(parsed.error)}`);
  }
  const config = parsed.data;
  const env = config.env ?? process.env;
  const lookup = cacheLookup(config.lookup ?? (dnsLookup as unknown as LookupFunction), config.dnsCacheTtlMs);
  const ca = buildCaList(env, config.extraCaCerts);
  // One secure context for all connections instead of re-parsing ~150 roots per handshake.
  const secureContext = ca === undefined ? undefined : createSecureContext({ ca });
  const tls = secureContext === undefined ? {} : { secureContext };

  // Empty strings, not undefined: undici falls back to process.env for undefined values.
  const proxy = {
    http: env.http_proxy ?? env.HTTP_PROXY ?? '',
    https: env.https_proxy ?? env.HTTPS_PROXY ?? '',
    noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
  };
  const agent = new EnvHttpProxyAgent({
    httpProxy: proxy.http,
    httpsProxy: proxy.https,
    noProxy: proxy.noProxy,
    connect: {
      ...tls,
      lookup: config.allowPrivateNetworks ? lookup : guardLookup(lookup),
      timeout: config.connectTimeoutMs,
    },
    // The proxy itself is trusted configuration (often on a private address): no guard.
    proxyTls: { ...tls, lookup, timeout: config.connectTimeoutMs },
    requestTls: { ...tls, timeout: config.connectTimeoutMs },
    headersTimeout: config.headersTimeoutMs,
    bodyTimeout: config.bodyTimeoutMs,
    maxHeaderSize: config.maxHeaderSize,
    maxResponseSize: config.maxResponseSize,
    keepAliveTimeout: config.keepAliveTimeoutMs,
  });
  const dispatcher: Dispatcher = config.allowPrivateNetworks
    ? agent
    : agent.compose(privateAddressInterceptor());

  const fetch = ((input: Parameters<typeof undiciFetch>[0], init: Parameters<typeof undiciFetch>[1] = {}) => {
    const fromRequest = typeof input === 'object' && 'headers' in input ? input.headers : undefined;
    const headers = new Headers(init.headers ?? fromRequest);
    if (!headers.has('user-agent')) headers.set('user-agent', config.userAgent);
    return undiciFetch(input, { ...init, headers, dispatcher });
  }) as unknown as typeof globalThis.fetch;

  return {
    dispatcher,
    fetch,
    userAgent: config.userAgent,
    lookup,
    allowPrivateNetworks: config.allowPrivateNetworks,
    proxies: [proxy.http, proxy.https].flatMap((uri) => {
      const url = uri ? URL.parse(uri) : null;
      if (!url) return [];
      const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
      return [{ hostname: url.hostname.replace(/^\[|\]$/g, ''), port }];
    }),
    close: () => agent.close(),
  };
}
