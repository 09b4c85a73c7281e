// CSRF protection: a random token in the signed cookie that every state-changing form must echo. It is renewed
// at sign-in and at sign-out, and a cookie naming a session that has ended carries no working token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { cookieSessionStorage, getCookieSession } from './session.server.ts';

export const CSRF_FIELD = 'csrf';

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The page's token, and a Set-Cookie header when a new one had to be issued. `sessionIsLive` says whether the
 * cookie's session (if it names one) is still signed in; a cookie left over from an ended session starts afresh.
 */
export async function issueCsrfToken(request: Request, sessionIsLive: boolean): Promise<{ token: string; setCookie: string | null }> {
  const session = await getCookieSession(request);
  const existing = session.get('csrf');
  const stale = session.has('sessionId') && !sessionIsLive;
  if (existing && !stale) return { token: existing, setCookie: null };
  if (stale) session.unset('sessionId');
  const token = newCsrfToken();
  session.set('csrf', token);
  return { token, setCookie: await cookieSessionStorage.commitSession(session) };
}

export class CsrfError extends Error {}

export async function verifyCsrf(request: Request, formData: FormData, sessionIsLive: boolean): Promise<void> {
  const session = await getCookieSession(request);
  const expected = session.get('csrf');
  const given = formData.get(CSRF_FIELD);
  // The token of a session that has ended (a cookie saved before signing out) no longer counts.
  const stale = session.has('sessionId') && !sessionIsLive;
  if (!expected || stale || typeof given !== 'string' || !sameString(expected, given)) {
    throw new CsrfError('The form could not be checked. Go back, reload the page and try again.');
  }
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
