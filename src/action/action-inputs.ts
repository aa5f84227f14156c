import { z } from 'zod';
import { repoConfigSchema } from '../config/repo-config.js';

/**
 * The Action's inputs: the keys of `.github/linkmedic.yml` (same names, same meaning, same
 * defaults) except `schedule`, which the workflow's own `on: schedule` replaces, plus what only
 * a workflow needs. The runner passes each as `INPUT_<NAME>` (upper-cased, hyphens kept).
 */
export const CONFIG_INPUTS = Object.keys(repoConfigSchema.shape).filter((key) => key !== 'schedule') as ReadonlyArray<Exclude<keyof typeof repoConfigSchema.shape, 'schedule'>>;

export const ACTION_INPUTS = {
  'github-token': 'The token linkmedic acts with; the workflow token by default.',
  'history-branch': 'The branch the history file lives on (created as an orphan on the first scheduled run; never the default branch).',
  'history-depth': 'Commits kept on the history branch; then it starts again from one commit (the file itself keeps every run).',
} as const;

export type ActionInput = (typeof CONFIG_INPUTS)[number] | keyof typeof ACTION_INPUTS;

/** Inputs whose value is a list: one item per line is accepted besides a YAML list. */
export const LIST_INPUTS: ReadonlySet<string> = new Set(
  Object.entries((z.toJSONSchema(repoConfigSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, { type?: string }> }).properties)
    .filter(([, schema]) => schema.type === 'array')
    .map(([key]) => key),
);

export const inputVariable = (input: ActionInput): string => `INPUT_${input.toUpperCase()}`;
