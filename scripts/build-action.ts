// Bundles the GitHub Action (src/action/main.ts) into one committed file, dist-action/index.mjs,
// with every dependency inside: the runner installs nothing. `npm run build:action`; a test
// rebuilds it and fails when the committed bundle differs from what the sources give.
import { build, type Metafile } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_BASE, ROOT } from './bundle-common.js';

export { ROOT };
export const ACTION_BUNDLE = 'dist-action/index.mjs';

/** Builds the bundle at `outfile` (relative to the repository root); resolves to esbuild's metafile. */
export async function buildAction(outfile: string = ACTION_BUNDLE): Promise<Metafile> {
  const result = await build({
    ...BUNDLE_BASE,
    entryPoints: ['src/action/main.ts'],
    outfile,
    // Native addons cannot run on the runner, and these are never reached from the Action's code.
    external: ['better-sqlite3', 'pg', 'pg-native'],
    // src/http/user-agent.ts reads package.json beside the code otherwise.
    define: { LINKMEDIC_BUNDLED_VERSION: JSON.stringify((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version) },
  });
  return result.metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const metafile = await buildAction();
  const bytes = Object.values(metafile.outputs)[0]?.bytes ?? 0;
  console.log(`${ACTION_BUNDLE}: ${(bytes / 1024 / 1024).toFixed(1)} MiB from ${Object.keys(metafile.inputs).length} modules`);
}
