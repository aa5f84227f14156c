#!/usr/bin/env node
// The CLI is built by `npm ci` / `npm install` (the `prepare` script): tsc, then the esbuild bundle
// in dist/bundle/ (scripts/build-cli.ts) that this file loads.
import module from 'node:module';
import v8 from 'node:v8';

// Node >= 22.1 keeps V8's compiled code between runs (a fifth less loading); Node 20 has no such cache.
module.enableCompileCache?.();
// V8 lets the old generation grow up to 4x past what survived the last full collection before it
// collects again; parsing a big catalog leaves mostly garbage there, so a 10,000-link check peaked
// at ~260 MB. Growing 1.5x at most peaks at ~180 MB, at the same speed (bench:check).
v8.setFlagsFromString('--heap-growing-percent=50');
// undici parses HTTP with llhttp in WebAssembly, one huge function. After a few hundred responses
// V8 recompiles it with its optimizing compiler on another thread: ~0.3 s of CPU, and node waits
// for that job before it exits (a 5-link check took 0.53 s instead of 0.41 s on Node 20, and
// 36 MB more memory). The baseline code parses a response in microseconds; a run never earns that
// back, so only code that runs far longer than any check (a server's weeks) is recompiled.
v8.setFlagsFromString('--wasm-tiering-budget=100000000');
// The bundle's stack traces point into dist/bundle/; --debug shows where they are in src/.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { main, sizeYoungGeneration } = await import('../dist/bundle/main.js');
// Young generation grown in fewer steps, and on Node 24 no larger than Node 20's (~100 MB less for a big check).
sizeYoungGeneration();
process.exitCode = await main(process.argv.slice(2));
