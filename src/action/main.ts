// The GitHub Action's entry point, bundled into dist-action/index.mjs (see action.yml).
import { sizeYoungGeneration } from '../size-young-generation.js';
import { runAction } from './run-action.js';

// The Action runs on Node 24, whose young generation would grow to twice Node 20's size; it also
// grows in fewer steps (see sizeYoungGeneration).
sizeYoungGeneration();

process.exitCode = await runAction(process.env, { write: (text) => void process.stdout.write(text) });
