import type { IncomingHttpHeaders } from 'node:http';
import type { FakeState } from '../state/fake-state.js';
import { ApiError } from './api-error.js';
import type { Caller } from './route.js';
import { verifyAppJwt } from './verify-app-jwt.js';

/** Who is calling: an app JWT, an installation token, or nobody. Bad credentials are 401. */
export function authenticate(state: FakeState, headers: IncomingHttpHeaders, wallNow: number): Caller {
  const header = headers.authorization;
  if (!header) return { kind: 'anonymous' };
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  if (!m) throw new ApiError(401, 'Bad credentials');
  const credential = m[1]!;
  if (credential.split('.').length === 3) {
    verifyAppJwt(credential, state.app.id, state.app.publicKey, wallNow);
    return { kind: 'app' };
  }
  const token = state.tokens.get(credential);
  const installation = token ? state.installations.get(token.installationId) : undefined;
  if (!token || !installation || token.expiresAt <= wallNow || installation.suspendedAt) {
    throw new ApiError(401, 'Bad credentials');
  }
  return { kind: 'installation', installation, token };
}
