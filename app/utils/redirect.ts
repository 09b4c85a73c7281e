// Only ever redirect within the portal, so a crafted link cannot send someone elsewhere after sign-in.

// A host that can never be anyone's: a target is judged by where it lands when resolved against it.
const BASE = new URL('http://nosfolio.invalid');

/**
 * The target as a path on the portal, or the fallback. The target is parsed as a browser would (tabs and newlines
 * dropped, backslashes read as slashes, dot segments resolved), so what is checked is where the browser would go;
 * what is returned is the parsed, percent-encoded path, safe to put in a Location header.
 */
export function safeRedirect(target: unknown, fallback = '/'): string {
  // Only a path: with a scheme (even the portal's own) the browser may resolve it against another host.
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(target, BASE);
  } catch {
    return fallback;
  }
  if (parsed.origin !== BASE.origin) return fallback;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // "/.//host" resolves to the path "//host", which a browser would read as another host.
  return path.startsWith('//') ? fallback : path;
}
