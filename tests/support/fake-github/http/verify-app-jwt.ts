import { verify, type KeyObject } from 'node:crypto';
import { ApiError } from './api-error.js';

const EXP = "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
const TOO_FAR = "'Expiration time' claim ('exp') is too far in the future";
const IAT = "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
const UNDECODABLE = 'A JSON web token could not be decoded';

/**
 * Verifies a GitHub App JWT (RS256, `iss` = app id, `iat` in the past, `exp` in the future but
 * at most 10 minutes ahead) against the wall clock, answering with GitHub's 401 texts — the
 * time-skew ones are exactly what `@octokit/auth-app` recognises and retries on.
 */
export function verifyAppJwt(jwt: string, appId: number, publicKey: KeyObject, nowMs: number): void {
  const parts = jwt.split('.');
  if (parts.length !== 3) throw new ApiError(401, UNDECODABLE);
  const [h, p, s] = parts as [string, string, string];
  let header: { alg?: unknown };
  let claims: { iss?: unknown; iat?: unknown; exp?: unknown };
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    throw new ApiError(401, UNDECODABLE);
  }
  if (header.alg !== 'RS256') throw new ApiError(401, UNDECODABLE);
  if (!verify('RSA-SHA256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))) {
    throw new ApiError(401, UNDECODABLE);
  }
  if (String(claims.iss) !== String(appId)) throw new ApiError(401, UNDECODABLE);
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.iat !== 'number' || !Number.isInteger(claims.iat) || claims.iat > now + 60) {
    throw new ApiError(401, IAT);
  }
  if (typeof claims.exp !== 'number' || claims.exp <= now) throw new ApiError(401, EXP);
  if (claims.exp > now + 600) throw new ApiError(401, TOO_FAR);
}
