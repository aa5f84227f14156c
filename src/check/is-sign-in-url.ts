const SIGN_IN_HOST = /^(?:accounts|login|signin|sso|auth)\./;
const SIGN_IN_SEGMENTS = new Set([
  'login', 'log-in', 'log_in', 'signin', 'sign-in', 'sign_in', 'logon', 'servicelogin', 'authwall', 'sso', 'saml',
]);

/**
 * True for sign-in pages: identity hosts (`accounts.google.com`, `login.microsoftonline.com`, …)
 * and paths with a sign-in segment (`/login`, `/users/sign_in`, LinkedIn's `/authwall`, …).
 */
export function isSignInUrl(url: URL): boolean {
  if (SIGN_IN_HOST.test(url.hostname.toLowerCase())) return true;
  return url.pathname
    .toLowerCase()
    .split('/')
    .some((segment) => SIGN_IN_SEGMENTS.has(segment));
}
