// The GitHub Action's entry point, bundled into dist-action/index.mjs (see action.yml).
import { runAction } from './run-action.js';

process.exitCode = await runAction(process.env, { write: (text) => void process.stdout.write(text) });
