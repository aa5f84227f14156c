import { readFileSync } from 'node:fs';

/** Set at build time by the GitHub Action's bundler, where no package.json sits beside the code. */
declare const LINKMEDIC_BUNDLED_VERSION: string | undefined;

// src/http and dist/http sit at the same depth, so the manifest is two levels up from either.
const manifestVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const LINKMEDIC_VERSION: string = typeof LINKMEDIC_BUNDLED_VERSION === 'string' ? LINKMEDIC_BUNDLED_VERSION : manifestVersion();

/** Names the tool and a contact, as crawler etiquette asks; site operators can reach us there. */
export const USER_AGENT = `linkmedic/${LINKMEDIC_VERSION} (+https://github.com/linkmedic/linkmedic)`;
