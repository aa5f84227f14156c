import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConfigReference } from '../../scripts/docs/config-reference.js';
import { replaceBetweenMarkers } from '../../scripts/docs/replace-between-markers.js';
import { updatedReadme } from '../../scripts/docs/updated-readme.js';
import { REPO_CONFIG_PATH } from '../../src/config/repo-config.js';
import { parseRepoConfig } from '../../src/config/parse-repo-config.js';

const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it('holds exactly what npm run docs writes: commands, configuration and verdicts from the code', async () => {
    // On failure: run `npm run docs` and commit the README.
    expect(await updatedReadme(readme)).toBe(readme);
  });

  it('fails when a generated block is edited by hand', async () => {
    const edited = readme.replace('| `issues.maxNewPerRun` | whole number 0–100 | `10` |', '| `issues.maxNewPerRun` | whole number 0–100 | `20` |');
    expect(edited).not.toBe(readme);
    expect(await updatedReadme(edited)).toBe(readme);
  });

  it('documents every configuration key, nested ones dotted, with its default', () => {
    const reference = renderConfigReference();
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, child]) =>
        child && typeof child === 'object' && !Array.isArray(child) ? [`${prefix}${key}`, ...keys(child, `${prefix}${key}.`)] : [`${prefix}${key}`]);
    const defaults = parseRepoConfig('', REPO_CONFIG_PATH);
    for (const key of keys(defaults)) expect(reference).toContain(`| \`${key}\` |`);
    expect(reference).toContain('| `issues.maxNewPerRun` | whole number 0–100 | `10` |');
    expect(reference).toContain('| `deadAfter.runs` | whole number 1–365 | `3` |');
    // The defaults block parses back to the defaults.
    const yaml = /```yaml\n([\s\S]*?)```/.exec(reference)?.[1] ?? '';
    expect(parseRepoConfig(yaml)).toEqual(defaults);
  });

  it.each([
    { name: 'replaces between the markers, keeping them', text: 'a\n<!-- x:start -->\nold\n<!-- x:end -->\nb', expected: 'a\n<!-- x:start -->\nnew\n<!-- x:end -->\nb' },
    { name: 'fills an empty block', text: '<!-- x:start --><!-- x:end -->', expected: '<!-- x:start -->\nnew\n<!-- x:end -->' },
  ])('replaceBetweenMarkers $name', ({ text, expected }) => {
    expect(replaceBetweenMarkers(text, 'x', 'new')).toBe(expected);
  });

  it('replaceBetweenMarkers refuses a README without the markers', () => {
    expect(() => replaceBetweenMarkers('no markers', 'x', 'new')).toThrow('missing the markers <!-- x:start --> … <!-- x:end -->');
  });
});
