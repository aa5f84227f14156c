import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CONFIG_INPUTS } from '../../src/action/action-inputs.js';

interface Manifest {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The README's table of the Action's inputs and outputs, from action.yml itself. */
export function renderActionReference(): string {
  const manifest = parseYaml(readFileSync(path.resolve(import.meta.dirname, '../../action.yml'), 'utf8')) as Manifest;
  const configKeys = new Set<string>(CONFIG_INPUTS);
  return [
    '| Input | Default | Meaning |',
    '|---|---|---|',
    ...Object.entries(manifest.inputs).map(([name, input]) => {
      const fallback = configKeys.has(name) ? `as \`${name}\` in the configuration reference` : input.default === undefined ? '' : `\`${input.default}\``;
      return `| \`${name}\` | ${fallback} | ${cell(input.description)} |`;
    }),
    '',
    '| Output | Meaning |',
    '|---|---|',
    ...Object.entries(manifest.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`),
  ].join('\n');
}
