// Who is writing, from where and when: the context every domain write takes first, built in one place.
import type { AppLoadContext } from '@remix-run/node';
import type { Actor } from './permissions.server.ts';

export type DomainContext = {
  readonly actor: Actor;
  /** The client's address as the server saw it, for the audit log. */
  readonly ipAddress: string;
  /** The time of the request: every timestamp a write stores is this one. */
  readonly now: Date;
};

/** The context of a route's request: the actor it found, the client's address from the server, the time now. */
export function requestContext(context: AppLoadContext, actor: Actor): DomainContext {
  const ipAddress = typeof context.clientAddress === 'string' ? context.clientAddress : 'unknown';
  return { actor, ipAddress, now: new Date() };
}

/** A context outside a request (seeds, scripts, tests): the address names where the write came from. */
export function contextFor(actor: Actor, options: { ipAddress?: string; now?: Date } = {}): DomainContext {
  return { actor, ipAddress: options.ipAddress ?? '127.0.0.1', now: options.now ?? new Date() };
}
