import { readFileSync } from 'node:fs';

// src/http and dist/http sit at the same depth, so the manifest is two levels up from either.
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const LINKMEDIC_VERSION: string = manifest.version;

/** Names the tool and a contact, as crawler etiquette asks; site operators can reach us there. */
export const USER_AGENT = `linkmedic/${LINKMEDIC_VERSION} (+https://github.com/linkmedic/linkmedic)`;
