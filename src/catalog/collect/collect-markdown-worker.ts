/**
 * Worker thread for `extractMarkdownInParallel`: collects one range of a document and posts the
 * model back. When the document may hold definitions, it first posts its own definitions' labels
 * and blocks until the parent answers with every label of the document (text cannot be parsed
 * before that), through a shared flag and a synchronous read of its port.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { collectMarkdown } from './collect-markdown.js';
import { emptyModel, type Definition } from './markdown-model.js';

export interface CollectRangeRequest {
  source: string;
  range: { start: number; end: number };
  /** Present when labels must be exchanged: the port to talk on and an Int32 flag the parent sets once it has answered. */
  exchange?: { port: MessagePort; answered: SharedArrayBuffer };
}

const { source, range, exchange } = workerData as CollectRangeRequest;

const definedElsewhere = (definitions: readonly Definition[]): Iterable<string> => {
  if (!exchange) return [];
  exchange.port.postMessage(definitions.map((definition) => definition.id));
  Atomics.wait(new Int32Array(exchange.answered), 0, 0);
  return receiveMessageOnPort(exchange.port)!.message as string[];
};

const model = emptyModel();
const steps = collectMarkdown(source, model, { range, definedElsewhere });
let step = steps.next();
while (!step.done) step = steps.next();
parentPort!.postMessage({ model, end: step.value });
