// CSRF protection: a random token in the signed cookie that every state-changing form must echo.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { cookieSessionStorage, getCookieSession } from './session.server.ts';

export const CSRF_FIELD = 'csrf';

/** The page's token, and a Set-Cookie header when a new one had to be issued. */
export async function issueCsrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const session = await getCookieSession(request);
  const existing = session.get('csrf');
  if (existing) return { token: existing, setCookie: null };
  const token = randomBytes(24).toString('base64url');
  session.set('csrf', token);
  return { token, setCookie: await cookieSessionStorage.commitSession(session) };
}

export class CsrfError extends Error {}

export async function verifyCsrf(request: Request, formData: FormData): Promise<void> {
  const session = await getCookieSession(request);
  const expected = session.get('csrf');
  const given = formData.get(CSRF_FIELD);
  if (!expected || typeof given !== 'string' || !sameString(expected, given)) {
    throw new CsrfError('The form could not be checked. Go back, reload the page and try again.');
  }
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
