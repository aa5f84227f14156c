// CommonJS dependencies bundled into an ES module still call `require` and read `__dirname`.
export const ESM_BANNER = [
  "import { createRequire as __linkmedicCreateRequire } from 'node:module';",
  "import { fileURLToPath as __linkmedicFileURLToPath } from 'node:url';",
  'const require = __linkmedicCreateRequire(import.meta.url);',
  'const __filename = __linkmedicFileURLToPath(import.meta.url);',
  "const __dirname = __linkmedicFileURLToPath(new URL('.', import.meta.url));",
].join('\n');
