import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { LinkmedicError } from '../errors.js';

/**
 * The trust store for outbound TLS, or `undefined` to keep Node's own default store.
 *
 * Passing `ca` to TLS *replaces* Node's store, and on Node 20 that store's copy of
 * `NODE_EXTRA_CA_CERTS` (read once at process start) is not exported. So we only build a list
 * when Node's store cannot already be right: extra certificates were given, or the injected env
 * names a different `NODE_EXTRA_CA_CERTS` than the process started with. The list then has
 * Node's bundled roots, that file, and the extras: additions, never a replacement.
 */
export function buildCaList(
  env: Record<string, string | undefined>,
  extraCaCerts: readonly string[],
): string[] | undefined {
  const envFile = env.NODE_EXTRA_CA_CERTS || undefined;
  const envDiffers = envFile !== undefined && envFile !== process.env.NODE_EXTRA_CA_CERTS;
  if (extraCaCerts.length === 0 && !envDiffers) return undefined;
  const fromEnv = envFile === undefined ? [] : [readCaFile(envFile)];
  return [...rootCertificates, ...fromEnv, ...extraCaCerts];
}

function readCaFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new LinkmedicError(
      'CONFIG_INVALID',
      `cannot read NODE_EXTRA_CA_CERTS file ${path}`,
      'point NODE_EXTRA_CA_CERTS at a readable PEM file, or unset it',
      { cause: error },
    );
  }
}
