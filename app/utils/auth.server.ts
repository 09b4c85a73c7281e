// Finding who is asking: every loader and action starts here.
import { redirect, type AppLoadContext } from '@remix-run/node';
import { loadActorForSession } from '#app/domain/accounts.server.ts';
import { CsrfError, newCsrfToken, verifyCsrf } from './csrf.server.ts';
import { readMultipartForm, UnreadableForm, type UploadLimits } from './multipart.server.ts';
import { assertCan, type Actor, type Permission, type PermissionArea } from './permissions.server.ts';
import { cookieSessionStorage, getCookieSession } from './session.server.ts';

const actorsByRequest = new WeakMap<Request, Promise<Actor | null>>();

/** The signed-in person, looked up once per request. */
export function getActor(request: Request): Promise<Actor | null> {
  let actor = actorsByRequest.get(request);
  if (!actor) {
    actor = getCookieSession(request).then((session) => {
      const sessionId = session.get('sessionId');
      return sessionId ? loadActorForSession(sessionId) : null;
    });
    actorsByRequest.set(request, actor);
  }
  return actor;
}

/** Sends someone who is not signed in to the login page, then back to where they were going. */
export async function requireActor(request: Request): Promise<Actor> {
  const actor = await getActor(request);
  if (actor) return actor;
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  const params = redirectTo === '/' ? '' : `?${new URLSearchParams({ redirectTo })}`;
  throw redirect(`/login${params}`);
}

/** 403 unless the actor holds the permission (an area such as 'read:supervision': in at least one scope). */
export async function requirePermission(request: Request, permission: Permission | PermissionArea): Promise<Actor> {
  const actor = await requireActor(request);
  assertCan(actor, permission);
  return actor;
}

/**
 * The form of a state-changing request, after its CSRF token has been checked. Anything that is not a well-formed web
 * form (JSON, text, broken multipart, a NUL in a field) is answered 400; files are accepted only with `uploads`.
 * The server has already bounded the body's size (server/request-limits.js).
 */
export async function readForm(request: Request, options: { uploads?: UploadLimits } = {}): Promise<FormData> {
  let formData: FormData;
  try {
    formData = await readFormBody(request, options.uploads);
  } catch (error) {
    if (error instanceof UnreadableForm) {
      throw new Response(error.message, { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    throw error;
  }
  try {
    await verifyCsrf(request, formData, (await getActor(request)) !== null);
  } catch (error) {
    if (error instanceof CsrfError) throw new Response(error.message, { status: 403 });
    throw error;
  }
  return formData;
}

async function readFormBody(request: Request, uploads: UploadLimits | undefined): Promise<FormData> {
  const type = (request.headers.get('Content-Type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
  let formData: FormData;
  if (type === 'multipart/form-data') {
    formData = await readMultipartForm(request, uploads);
  } else if (type === 'application/x-www-form-urlencoded') {
    try {
      formData = await request.formData();
    } catch {
      throw new UnreadableForm('The form could not be read.', 400);
    }
  } else {
    throw new UnreadableForm('The form could not be read: send it from its page in the portal.', 400);
  }
  // SQLite would carry a NUL into the statement's text; no field of any form has a use for one.
  for (const value of formData.values()) {
    if (typeof value === 'string' && value.includes('\0')) throw new UnreadableForm('The form could not be read: it contains a NUL character.', 400);
  }
  return formData;
}

/** The client's network address as the server saw it (behind a proxy only when TRUST_PROXY says so). */
export function clientAddress(context: AppLoadContext): string {
  return typeof context.clientAddress === 'string' ? context.clientAddress : 'unknown';
}

/** The raw session id in the browser's cookie (the database holds only its hash). */
export async function currentSessionId(request: Request): Promise<string | undefined> {
  return (await getCookieSession(request)).get('sessionId');
}

/** The cookie of a new sign-in, with a new CSRF token: one handed out before signing in no longer works. */
export async function startSessionCookie(request: Request, sessionId: string): Promise<string> {
  const session = await getCookieSession(request);
  session.set('sessionId', sessionId);
  session.set('csrf', newCsrfToken());
  return cookieSessionStorage.commitSession(session);
}

/** A signed-out cookie with a new CSRF token in place of the session's; the session id is returned to end it. */
export async function endSessionCookie(request: Request): Promise<{ sessionId: string | undefined; setCookie: string }> {
  const session = await getCookieSession(request);
  const sessionId = session.get('sessionId');
  const signedOut = await cookieSessionStorage.getSession();
  signedOut.set('csrf', newCsrfToken());
  return { sessionId, setCookie: await cookieSessionStorage.commitSession(signedOut) };
}
