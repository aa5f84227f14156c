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
  userAgent: string;
  timeouts: Timeouts;
  maxBodyBytes: number;
  /** Whether the verdict may depend on this response's page (bot walls, Drive). */
  wantBody(status: number, url: URL): boolean;
}

/** The error a request fails with when the whole-request budget runs out. */
export const TOTAL_TIMEOUT = 'LINKMEDIC_TOTAL_TIMEOUT';

/** Small bodies are drained so the keep-alive connection survives; larger ones are cut. */
const DRAIN_LIMIT = 16 * 1024;

/**
 * One HTTP request, no redirects followed. Reads at most `maxBodyBytes` and only when asked,
 * then aborts: a link to a 50 GB file costs a few kilobytes. A body that breaks after a good
 * status line (reset, corrupt gzip) leaves the status line to speak.
 */
export async function sendProbe(url: URL, method: ProbeMethod, cookie: string, ctx: ProbeContext): Promise<ProbeResponse> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(Object.assign(new Error(`no complete answer within ${ctx.timeouts.total} ms`), { code: TOTAL_TIMEOUT })),
    ctx.timeouts.total,
  );
  try {
    const response = await ctx.dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method,
      headers: {
        'user-agent': ctx.userAgent,
        // crates.io and others answer 404 to requests that do not ask for HTML.
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        'accept-language': 'en',
        'accept-encoding': 'gzip, deflate, br',
        ...(cookie ? { cookie } : {}),
      },
      signal: controller.signal,
      headersTimeout: ctx.timeouts.headers,
      bodyTimeout: ctx.timeouts.headers,
    });
    const { statusCode: status, headers, body: stream } = response;
    let body = '';
    if (method === 'GET' && ctx.wantBody(status, url)) {
      body = decode(await readStart(stream, ctx.maxBodyBytes), headers['content-encoding']);
    } else {
      await stream.dump({ limit: DRAIN_LIMIT }).catch(() => undefined);
    }
    return { status, headers, body };
  } finally {
    clearTimeout(timer);
  }
}

async function readStart(stream: AsyncIterable<Buffer> & { destroy(): void }, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) break;
    }
  } catch {
    // A body cut short after the status line still has a status line.
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit);
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
