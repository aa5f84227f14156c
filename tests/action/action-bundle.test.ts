import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ACTION_BUNDLE, buildAction, ROOT } from '../../scripts/build-action.js';
import { ACTION_INPUTS, CONFIG_INPUTS } from '../../src/action/action-inputs.js';

// The runner runs the committed bundle, not the sources: it must be what the sources build to.

describe('the committed Action bundle', () => {
  it('is what `npm run build:action` builds from the sources, byte for byte, with no native addon inside', async () => {
    const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-bundle-')), 'index.mjs');
    const metafile = await buildAction(outfile);
    const fresh = readFileSync(outfile, 'utf8');
    const committed = readFileSync(path.join(ROOT, ACTION_BUNDLE), 'utf8');
    expect(fresh === committed, `${ACTION_BUNDLE} is out of date: run npm run build:action and commit it`).toBe(true);
    const packages = new Set(Object.keys(metafile.inputs).map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1]).filter(Boolean));
    expect([...packages].filter((name) => ['better-sqlite3', 'bindings', 'pg', 'pg-native'].includes(name!))).toEqual([]);
    expect(packages).toContain('sql.js');
    expect(fresh).not.toMatch(/require\([^)]*\.node['"]\)/);
  });
});

interface ActionManifest {
  inputs: Record<string, { description: string; required: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

describe('action.yml', () => {
  const manifest = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionManifest;

  it('runs the bundle on the runner\'s Node 24', () => {
    expect(manifest.runs).toEqual({ using: 'node24', main: ACTION_BUNDLE });
  });

  it('declares exactly the inputs the Action reads: the configuration keys (but schedule) and its own', () => {
    expect(Object.keys(manifest.inputs).sort()).toEqual([...CONFIG_INPUTS, ...Object.keys(ACTION_INPUTS)].sort());
    for (const [name, description] of Object.entries(ACTION_INPUTS)) expect(manifest.inputs[name]?.description, name).toBe(description);
    expect(Object.entries(manifest.inputs).filter(([, input]) => input.default !== undefined).map(([name, input]) => [name, input.default])).toEqual([
      ['github-token', '${{ github.token }}'],
      ['history-branch', 'linkmedic-history'],
      ['history-depth', '30'],
    ]);
    expect(Object.keys(manifest.outputs)).toEqual(['dead', 'report-url']);
  });
});
