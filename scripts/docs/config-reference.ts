import { stringify } from 'yaml';
import { z } from 'zod';
import { parseRepoConfig } from '../../src/config/parse-repo-config.js';
import { REPO_CONFIG_PATH, repoConfigSchema } from '../../src/config/repo-config.js';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (value: unknown): string => `\`${JSON.stringify(value).replace(/,(?=\S)/g, ', ')}\``;

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(', ');
  if (schema.type === 'array') return `list of ${typeOf(schema.items ?? {})}s${schema.minItems ? ` (at least ${schema.minItems})` : ''}`;
  const range = schema.minimum !== undefined && schema.maximum !== undefined ? ` ${schema.minimum}–${schema.maximum}` : schema.minimum !== undefined ? ` ≥ ${schema.minimum}` : '';
  if (schema.type === 'integer') return `whole number${range}`;
  if (schema.type === 'number') return `number${range}`;
  return schema.type ?? 'any';
}

/** One row per key, nested keys dotted; a key without its own default takes its section's. */
function rows(properties: Record<string, JsonSchema>, prefix = '', sectionDefault: Record<string, unknown> = {}): string[] {
  return Object.entries(properties).flatMap(([key, schema]) => {
    const name = `\`${prefix}${key}\``;
    if (schema.type === 'object' && schema.properties) {
      return [`| ${name} | section | | ${cell(schema.description ?? '')} |`, ...rows(schema.properties, `${prefix}${key}.`, (schema.default ?? {}) as Record<string, unknown>)];
    }
    const fallback = schema.default ?? sectionDefault[key];
    return [`| ${name} | ${typeOf(schema)} | ${fallback === undefined ? '' : code(fallback)} | ${cell(schema.description ?? '')} |`];
  });
}

/**
 * The README's configuration reference, written from `repoConfigSchema` itself (its
 * `.describe()` texts, defaults and bounds) so the two cannot drift apart.
 */
export function renderConfigReference(): string {
  const schema = z.toJSONSchema(repoConfigSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const defaults = stringify(parseRepoConfig(''), { lineWidth: 0 }).trimEnd();
  return [
    '| Key | Type | Default | Meaning |',
    '|---|---|---|---|',
    ...rows(schema.properties ?? {}),
    '',
    `Every key is optional; an empty \`${REPO_CONFIG_PATH}\` means all of these defaults:`,
    '',
    '```yaml',
    defaults,
    '```',
  ].join('\n');
}
