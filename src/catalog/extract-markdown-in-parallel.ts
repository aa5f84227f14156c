import { availableParallelism } from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import { buildExtraction } from './build-extraction.js';
import type { CollectRangeRequest } from './collect/collect-markdown-worker.js';
import { emptyModel, type MarkdownModel } from './collect/markdown-model.js';
import { extractMarkdown, type Extraction } from './extract-markdown.js';
import { CHUNK_SIZE, markdownChunks } from './markdown-chunks.js';
import type { ParseEnd } from './parse-markdown.js';
import { withoutBom } from './without-bom.js';

/** Below this, starting workers (each loads the parser) costs more than it saves. */
const MIN_CHARS_PER_WORKER = 512 * 1024;

/**
 * Young generation of each worker. A parse allocates tokens by the million and keeps a chunk's
 * alive until it is read; with Node's default (16 MB semi-spaces) garbage collection took a quarter
 * of the time, and 64 MB semi-spaces took about a quarter less CPU overall on a 2 MB catalog.
 */
const YOUNG_GENERATION_MB = 3 * 64;

export interface ParallelOptions {
  /** Workers to use (default: the machine's available parallelism); 1 extracts on the calling thread. */
  workers?: number;
}

/** Cuts `source` into `count` ranges of about equal length, at chunk starts. */
function ranges(source: string, count: number): Array<{ start: number; end: number }> {
  const starts = markdownChunks(source, CHUNK_SIZE).map((chunk) => chunk.start);
  const cuts = [0];
  for (let part = 1; part < count; part++) {
    const target = (source.length * part) / count;
    const cut = starts.find((start) => start >= target && start > cuts.at(-1)!);
    if (cut !== undefined) cuts.push(cut);
  }
  return cuts.map((start, index) => ({ start, end: cuts[index + 1] ?? source.length }));
}

function collectRange(source: string, range: { start: number; end: number }, exchange: boolean): { labels: Promise<string[]>; answer(labels: string[]): void; done: Promise<{ model: MarkdownModel; end: ParseEnd }> } {
  const { port1, port2 } = new MessageChannel();
  const answered = new SharedArrayBuffer(4);
  const request: CollectRangeRequest = { source, range, ...(exchange && { exchange: { port: port2, answered } }) };
  const worker = new Worker(new URL('./collect/collect-markdown-worker.js', import.meta.url), {
    workerData: request,
    transferList: exchange ? [port2] : [],
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const labels = exchange ? new Promise<string[]>((resolve) => port1.once('message', resolve)) : Promise.resolve([]);
  const done = new Promise<{ model: MarkdownModel; end: ParseEnd }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  }).finally(() => {
    port1.close();
    void worker.terminate();
  });
  return {
    labels,
    answer(all) {
      port1.postMessage(all);
      Atomics.store(new Int32Array(answered), 0, 1);
      Atomics.notify(new Int32Array(answered), 0);
    },
    done,
  };
}

/**
 * `extractMarkdown` for big documents, on several cores: each worker collects one range of the
 * document (cut where a chunk starts, so micromark reads it the same way), the models are joined in
 * order and the occurrences and findings are built from them here. Definitions reach every worker
 * before any text is parsed. The result equals `extractMarkdown`'s; if a block turns out to run
 * across a cut between ranges (a fence over a blank line there), the document is extracted again on
 * this thread. Small documents are extracted here directly.
 */
export async function extractMarkdownInParallel(text: string, file: string, options: ParallelOptions = {}): Promise<Extraction> {
  const source = withoutBom(text);
  const count = Math.min(options.workers ?? availableParallelism(), Math.floor(source.length / MIN_CHARS_PER_WORKER));
  if (count < 2) return extractMarkdown(text, file);
  const exchange = source.includes(']:');
  const parts = ranges(source, count).map((range) => collectRange(source, range, exchange));
  if (exchange) {
    const labels = (await Promise.all(parts.map((part) => part.labels))).flat();
    for (const part of parts) part.answer(labels);
  }
  const results = await Promise.all(parts.map((part) => part.done));
  if (results.slice(0, -1).some((result) => result.end === 'open')) return extractMarkdown(text, file);
  const model = emptyModel();
  for (const { model: part } of results) {
    for (const key of Object.keys(model) as Array<keyof MarkdownModel>) for (const item of part[key]) (model[key] as unknown[]).push(item);
  }
  const steps = buildExtraction(text, file, model, [].values());
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
