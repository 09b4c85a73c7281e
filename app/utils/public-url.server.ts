// Absolute addresses of the portal. Always built on PUBLIC_URL, never on the request's Host header, which whoever
// sends the request chooses: a forged Host would otherwise put their site into reset and calendar links.
import { env } from './env.server.ts';

/** The portal's address for a path, such as https://portfolio.example.org/reset-password/abc. */
export function absoluteUrl(path: string): string {
  return new URL(path, env().publicUrl).toString();
}

/** The portal's host (and port, if any), for identifiers such as calendar entry UIDs. */
export function publicHost(): string {
  return new URL(env().publicUrl).host;
}
