// The hidden CSRF token every state-changing form carries (the server refuses a form without it).
import { useRouteLoaderData } from '@remix-run/react';
import type { loader as rootLoader } from '#app/root.tsx';

export function CsrfInput() {
  const root = useRouteLoaderData<typeof rootLoader>('root');
  return <input type="hidden" name="csrf" value={root?.csrfToken ?? ''} />;
}
