import type { IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib';
import type { Dispatcher } from 'undici';
import type { Timeouts } from './resolve-timeouts.js';

export type ProbeMethod = 'HEAD' | 'GET';

export interface ProbeResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Decoded start of the body, read only when `wantBody` asked for it; '' otherwise or on decode errors. */
  body: string;
}

export interface ProbeContext {
  dispatcher: Dispatcher;
  /** The request headers every probe sends (see `probeHeaders`); a cookie is added per request. */
  headers: Readonly<Record<string, string>>;
  timeouts: Timeouts;
  maxBodyBytes: number;
  /** Whether the verdict may depend on this response's page (bot walls, Drive). */
  wantBody(status: number, url: URL): boolean;
}

/** The error a request fails with when the whole-request budget runs out. */
export const TOTAL_TIMEOUT = 'LINKMEDIC_TOTAL_TIMEOUT';

/** The headers of every probe, built once per run. */
export function probeHeaders(userAgent: string): Readonly<Record<string, string>> {
  return {
    'user-agent': userAgent,
    // crates.io and others answer 404 to requests that do not ask for HTML.
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-language': 'en',
    'accept-encoding': 'gzip, deflate, br',
  };
}

/** Small bodies are drained so the keep-alive connection survives; larger ones are cut. */
const DRAIN_LIMIT = 16 * 1024;

/**
 * One HTTP request, no redirects followed. Reads at most `maxBodyBytes` and only when asked,
 * then aborts: a link to a 50 GB file costs a few kilobytes. A body that breaks after a good
 * status line (reset, corrupt gzip) leaves the status line to speak. Uses undici's handler API
 * rather than `request()`: no stream per response, which matters at 10,000 links.
 */
export function sendProbe(url: URL, method: ProbeMethod, cookie: string, ctx: ProbeContext): Promise<ProbeResponse> {
  return new Promise<ProbeResponse>((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let abortReason: Error | undefined;
    let answer: ProbeResponse | undefined;
    let readBody = false;
    let received = 0;
    const chunks: Buffer[] = [];
    const abort = (reason: Error) => {
      abortReason ??= reason;
      controller?.abort(reason);
    };
    const settle = () => {
      clearTimeout(timer);
      if (!answer) return;
      if (readBody) answer.body = decode(Buffer.concat(chunks).subarray(0, ctx.maxBodyBytes), answer.headers['content-encoding']);
      // undici frees a kept-alive socket one event-loop turn after the response ends (its own
      // setImmediate, queued after this callback). Answering one turn later still lets the
      // request queued behind this one reuse the socket instead of opening a new connection.
      const done = answer;
      setImmediate(() => setImmediate(() => resolve(done)));
    };
    const timer = setTimeout(() => {
      const error = Object.assign(new Error(`no complete answer within ${ctx.timeouts.total} ms`), { code: TOTAL_TIMEOUT });
      abort(error);
      // Before the head, the timeout is the outcome; after it, we judge what we have.
      if (answer) settle();
      else reject(error);
    }, ctx.timeouts.total);

    try {
      dispatch();
    } catch (error) {
      clearTimeout(timer);
      reject(error);
    }

    function dispatch() {
      ctx.dispatcher.dispatch(
        {
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method,
          headers: cookie ? { ...ctx.headers, cookie } : ctx.headers,
          headersTimeout: ctx.timeouts.headers,
          bodyTimeout: ctx.timeouts.headers,
          // undici closes the socket after every HEAD unless told otherwise, in case a broken
          // server sends a body anyway; it still closes when the answer lacks
          // `Connection: keep-alive`, and a garbled next answer is retried on a fresh socket.
          ...(method === 'HEAD' ? { reset: false } : {}),
        },
        {
          onRequestStart(started) {
            controller = started;
            if (abortReason) started.abort(abortReason);
          },
          onResponseStart(_controller, status, headers) {
            answer = { status, headers, body: '' };
            readBody = method === 'GET' && ctx.wantBody(status, url);
            // Not needed: small bodies are drained to keep the connection, large ones are cut.
            if (!readBody && Number(headers['content-length'] ?? 0) > DRAIN_LIMIT) abort(new Error('body not needed'));
          },
          onResponseData(_controller, chunk) {
            received += chunk.length;
            if (readBody) {
              chunks.push(chunk);
              if (received >= ctx.maxBodyBytes) {
                abort(new Error('read enough'));
                settle();
              }
            } else if (received > DRAIN_LIMIT) {
              abort(new Error('body not needed'));
            }
          },
          onResponseEnd: () => settle(),
          onResponseError(_controller, error) {
            // A body cut short after the status line still has a status line.
            if (answer) settle();
            else {
              clearTimeout(timer);
              reject(error);
            }
          },
        },
      );
    }
  });
}

function decode(raw: Buffer, encoding: string | string[] | undefined): string {
  const name = String(encoding ?? '').trim().toLowerCase();
  const maxOutputLength = 1024 * 1024;
  try {
    // Sync flush modes accept a truncated stream: we read only its start.
    if (name === 'gzip' || name === 'x-gzip') {
      return gunzipSync(raw, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength }).toString('utf8');
    }
    if (name === 'deflate') return inflateSync(raw, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength }).toString('utf8');
    if (name === 'br') {
      return brotliDecompressSync(raw, { finishFlush: constants.BROTLI_OPERATION_FLUSH, maxOutputLength }).toString('utf8');
    }
    return name === '' || name === 'identity' ? raw.toString('utf8') : '';
  } catch {
    return '';
  }
}
