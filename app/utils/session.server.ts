// The signed, httpOnly browser cookie: it holds only the session id and the CSRF token.
import { createCookieSessionStorage } from '@remix-run/node';
import { env } from './env.server.ts';

type CookieData = { sessionId?: string; csrf?: string };

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export const cookieSessionStorage = createCookieSessionStorage<CookieData>({
  cookie: {
    name: '__nosfolio',
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: env().secureCookies,
    secrets: [env().sessionSecret],
    maxAge: SESSION_LIFETIME_MS / 1000,
  },
});

/** A tampered or unsigned cookie reads as an empty session, so the person is simply signed out. */
export function getCookieSession(request: Request) {
  return cookieSessionStorage.getSession(request.headers.get('Cookie'));
}
