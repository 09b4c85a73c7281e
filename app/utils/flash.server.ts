// One-time messages after a redirect ("Changes saved."), kept in their own signed cookie and shown once by the root.
// The Epic Stack's redirectWithToast: the message travels in the session, never in the address.
import { createCookieSessionStorage, redirect } from '@remix-run/node';
import { z } from 'zod';
import { env } from './env.server.ts';

const FlashSchema = z.object({ kind: z.literal('success'), message: z.string().min(1).max(500) });
export type Flash = z.infer<typeof FlashSchema>;

const FLASH_KEY = 'flash';

const flashStorage = createCookieSessionStorage<Record<string, never>, { [FLASH_KEY]: Flash }>({
  cookie: {
    name: '__nosfolio_flash',
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: env().secureCookies,
    secrets: [env().sessionSecret],
  },
});

/** A redirect that shows `message` in the success banner of the page it lands on. */
export async function redirectWithFlash(url: string, message: string, init?: ResponseInit): Promise<Response> {
  const session = await flashStorage.getSession();
  session.flash(FLASH_KEY, { kind: 'success', message });
  const headers = new Headers(init?.headers);
  headers.append('Set-Cookie', await flashStorage.commitSession(session));
  return redirect(url, { ...init, headers });
}

/** The waiting message, if any, and the Set-Cookie header that removes it so that it is shown once. */
export async function takeFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const session = await flashStorage.getSession(request.headers.get('Cookie'));
  if (!session.has(FLASH_KEY)) return { flash: null, setCookie: null };
  const parsed = FlashSchema.safeParse(session.get(FLASH_KEY));
  return { flash: parsed.success ? parsed.data : null, setCookie: await flashStorage.destroySession(session) };
}
