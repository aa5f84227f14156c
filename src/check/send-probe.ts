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
    const probe = new Probe(url, method, ctx, resolve, reject);
    try {
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
        probe,
      );
    } catch (error) {
      probe.fail(error);
    }
  });
}

/** The handler of one probe: one object per request rather than a closure per callback. */
class Probe implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private abortReason: Error | undefined;
  private answer: ProbeResponse | undefined;
  private readBody = false;
  private received = 0;
  private chunks: Buffer[] | undefined;
  private settled = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly url: URL,
    private readonly method: ProbeMethod,
    private readonly ctx: ProbeContext,
    private readonly resolve: (response: ProbeResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.timer = setTimeout(timeOut, ctx.timeouts.total, this);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.abortReason) controller.abort(this.abortReason);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, status: number, headers: IncomingHttpHeaders): void {
    this.answer = { status, headers, body: '' };
    this.readBody = this.method === 'GET' && this.ctx.wantBody(status, this.url);
    // Not needed: small bodies are drained to keep the connection, large ones are cut.
    if (!this.readBody && Number(headers['content-length'] ?? 0) > DRAIN_LIMIT) this.abort(new Error('body not needed'));
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.received += chunk.length;
    if (this.readBody) {
      (this.chunks ??= []).push(chunk);
      if (this.received >= this.ctx.maxBodyBytes) {
        this.abort(new Error('read enough'));
        this.settle();
      }
    } else if (this.received > DRAIN_LIMIT) {
      this.abort(new Error('body not needed'));
    }
  }

  onResponseEnd(): void {
    this.settle();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    // A body cut short after the status line still has a status line.
    if (this.answer) this.settle();
    else this.fail(error);
  }

  /** The whole-request budget ran out: before the head, the timeout is the outcome; after it, we judge what we have. */
  timeOut(): void {
    const error = Object.assign(new Error(`no complete answer within ${this.ctx.timeouts.total} ms`), { code: TOTAL_TIMEOUT });
    this.abort(error);
    if (this.answer) this.settle();
    else this.fail(error);
  }

  fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.reject(error);
  }

  private abort(reason: Error): void {
    this.abortReason ??= reason;
    this.controller?.abort(reason);
  }

  private settle(): void {
    if (this.settled || !this.answer) return;
    this.settled = true;
    clearTimeout(this.timer);
    const answer = this.answer;
    if (this.readBody) {
      answer.body = decode(Buffer.concat(this.chunks ?? []).subarray(0, this.ctx.maxBodyBytes), answer.headers['content-encoding']);
    }
    // undici frees a kept-alive socket one event-loop turn after the response ends (its own
    // setImmediate, queued after this callback). Answering one turn later still lets the
    // request queued behind this one reuse the socket instead of opening a new connection.
    setImmediate(answerLater, this.resolve, answer);
  }
}

function timeOut(probe: Probe): void {
  probe.timeOut();
}

function answerLater(resolve: (response: ProbeResponse) => void, answer: ProbeResponse): void {
  setImmediate(resolve, answer);
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
