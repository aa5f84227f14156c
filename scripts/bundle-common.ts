// What the CLI bundle (build-cli.ts) and the Action bundle (build-action.ts) share.
import path from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';

// CommonJS dependencies bundled into an ES module still call `require` and read `__dirname`.
export const ESM_BANNER = [
  "import { createRequire as __linkmedicCreateRequire } from 'node:module';",
  "import { fileURLToPath as __linkmedicFileURLToPath } from 'node:url';",
  'const require = __linkmedicCreateRequire(import.meta.url);',
  'const __filename = __linkmedicFileURLToPath(import.meta.url);',
  "const __dirname = __linkmedicFileURLToPath(new URL('.', import.meta.url));",
].join('\n');

export const ROOT = path.resolve(import.meta.dirname, '..');

/** undici's index, less what it loads that linkmedic never uses (see `slimDependencies`). */
const UNDICI_AS_USED = [
  "const Dispatcher = require('undici/lib/dispatcher/dispatcher.js');",
  // The one thing the index does besides exporting: give every dispatcher request(), connect() …
  // Of those, linkmedic needs connect(), which ProxyAgent tunnels with; request() and stream()
  // alone would load the readable-stream body (~15 ms of every start), so they say so if called.
  "Dispatcher.prototype.connect = function connect(...args) { return require('undici/lib/api/api-connect.js').apply(this, args); };",
  "for (const name of ['request', 'stream', 'pipeline', 'upgrade']) Dispatcher.prototype[name] = function () { throw new Error(`linkmedic's bundle leaves undici's ${name}() out: use dispatch() or fetch (scripts/bundle-common.ts)`); };",
  "const EnvHttpProxyAgent = require('undici/lib/dispatcher/env-http-proxy-agent.js');",
  // fetch and Headers load when first used: a check of plain links never asks an API.
  // As the index's fetch does: a failed fetch's stack shows its caller, not undici's internals.
  'function fetch(input, init) { return require("undici/lib/web/fetch/index.js").fetch(input, init).catch((error) => { if (error && typeof error === "object") Error.captureStackTrace(error, fetch); throw error; }); }',
  'module.exports = { EnvHttpProxyAgent, get Headers() { return require("undici/lib/web/fetch/headers.js").Headers; }, fetch };',
].join('\n');

/**
 * Leaves out what every command loaded and none uses, about a third of what a `check` read:
 * - zod's 40 translations of its error messages (`z.locales`, 358 KB): English is zod's default
 *   and the only language linkmedic speaks;
 * - most of undici (mock agents, caches, WebSocket, EventSource, its other dispatchers: ~40 ms of
 *   every start): the sources' `import … from 'undici'` gets the three exports they use, from the
 *   modules undici's index takes them from (the build fails if those move).
 */
export const slimDependencies: Plugin = {
  name: 'linkmedic-slim-dependencies',
  setup(build) {
    build.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: 'zod-locales', namespace: 'linkmedic-slim' } : undefined,
    );
    build.onResolve({ filter: /^undici$/ }, (args) => (args.importer.startsWith(path.join(ROOT, 'src') + path.sep) ? { path: 'undici', namespace: 'linkmedic-slim' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'linkmedic-slim' }, (args) => ({
      resolveDir: ROOT,
      loader: 'js',
      contents: args.path === 'undici' ? UNDICI_AS_USED : "export { default as en } from 'zod/v4/locales/en.js';",
    }));
  },
};

/** The esbuild options both bundles share: one ES module for Node 20 and later, slimmed dependencies. */
export const BUNDLE_BASE = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  // The oldest Node the Action runner's `node24` and the project's engines both allow.
  target: 'node20',
  format: 'esm',
  banner: { js: ESM_BANNER },
  plugins: [slimDependencies],
  legalComments: 'eof',
  // Less source for V8 to read and compile at every start (2.6 to 1.9 MB for the CLI; `--version`
  // and `extract` start ~5-10 ms sooner). Names are kept, so stacks stay readable; `--debug` maps
  // them to src/ through the source maps.
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
} satisfies BuildOptions;
