// What the CLI bundle (build-cli.ts) and the Action bundle (build-action.ts) share.
import path from 'node:path';
import type { Plugin } from 'esbuild';

// CommonJS dependencies bundled into an ES module still call `require` and read `__dirname`.
export const ESM_BANNER = [
  "import { createRequire as __linkmedicCreateRequire } from 'node:module';",
  "import { fileURLToPath as __linkmedicFileURLToPath } from 'node:url';",
  'const require = __linkmedicCreateRequire(import.meta.url);',
  'const __filename = __linkmedicFileURLToPath(import.meta.url);',
  "const __dirname = __linkmedicFileURLToPath(new URL('.', import.meta.url));",
].join('\n');

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Leaves out zod's 40 translations of its error messages (`z.locales`, 358 KB of zod's 734 in
 * the bundle, loaded by every command): English is zod's default and the only language linkmedic speaks.
 */
export const zodEnglishOnly: Plugin = {
  name: 'linkmedic-zod-english-only',
  setup(build) {
    build.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: 'zod-locales', namespace: 'linkmedic-slim' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'linkmedic-slim' }, () => ({
      resolveDir: ROOT,
      loader: 'js',
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
    }));
  },
};
