// Bundles the CLI (src/cli/main.ts) into dist/bundle/ with esbuild: `npm run build` and the
// `prepare` script run it after tsc. Loading ~180 modules of ours and a few hundred of the
// dependencies' one file at a time cost more than the work of a small `check`; the bundle loads
// a command's code in a few files. Each command's action stays a separate chunk that is imported
// only when that command runs (code splitting keeps the CLI's dynamic imports lazy).
import { build, type Metafile } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_BASE, ROOT } from './bundle-common.js';

/**
 * Two levels below the package root, like dist/<stage>/, so the sources' `new URL('../../…',
 * import.meta.url)` (package.json, the bundled catalog) resolve the same from every chunk.
 */
export const CLI_BUNDLE_DIR = 'dist/bundle';

/**
 * Left to node_modules: native addons; packages that find their own files at run time (bullmq's
 * Lua scripts, pino's transports, sql.js's wasm); Probot, the Octokit family and Bottleneck, so
 * what crosses between the app and them (errors, clients, the Redis connection Probot opens for
 * the throttling limiters) is of the same classes whichever side created it. None is on the path
 * of `check`, `extract` or `report` without a database URL or a token.
 */
const EXTERNAL = ['better-sqlite3', 'pg', 'pg-native', 'sql.js', 'probot', 'bullmq', 'ioredis', 'pino', 'pino-*', 'prom-client', 'octokit', '@octokit/*', 'bottleneck'];

export async function buildCli(outdir: string = CLI_BUNDLE_DIR): Promise<Metafile> {
  // Chunk names carry content hashes: a stale chunk left from an earlier build would never be cleaned.
  rmSync(path.resolve(ROOT, outdir), { recursive: true, force: true });
  const result = await build({
    ...BUNDLE_BASE,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir,
    splitting: true,
    external: EXTERNAL,
    sourcemap: 'linked',
  });
  return result.metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const metafile = await buildCli();
  const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js'));
  const bytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
  console.log(`${CLI_BUNDLE_DIR}: ${outputs.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB from ${Object.keys(metafile.inputs).length} modules`);
}
