// Sign out: ends the session on the server and clears the cookie.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { logout } from '#app/domain/accounts.server.ts';
import { clientAddress, endSessionCookie, readForm } from '#app/utils/auth.server.ts';

export async function loader() {
  return redirect('/');
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request);
  const { sessionId, setCookie } = await endSessionCookie(request);
  if (sessionId) await logout(sessionId, clientAddress(context));
  return redirect('/login', { headers: { 'Set-Cookie': setCookie } });
}
