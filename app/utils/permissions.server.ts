// Who may do what: the one policy module that every loader, action and domain function asks.
import type { Role } from '#app/domain/roles.ts';
import { Forbidden, NotFound } from './errors.server.ts';

export type Actor = {
  id: number;
  organisationId: number;
  organisationName: string;
  name: string;
  email: string;
  roles: Role[];
  teamId: number | null;
  lineSupervisorId: number | null;
};

/** Permission strings read action:entity:scope, as in the Epic Stack. */
export const PERMISSIONS = {
  'read:home:own': ['worker', 'assessor', 'iqa', 'supervisor', 'manager', 'admin'],
  'update:password:own': ['worker', 'assessor', 'iqa', 'supervisor', 'manager', 'admin'],
  'read:team:managed': ['manager'],
  'read:supervisees:own': ['supervisor'],
  'read:standards:org': ['worker', 'assessor', 'iqa', 'supervisor', 'manager', 'admin'],
  'manage:standards:org': ['admin'],
  'read:role-profiles:org': ['assessor', 'iqa', 'supervisor', 'manager', 'admin'],
  'manage:role-profiles:org': ['admin'],
  'read:policies:org': ['worker', 'assessor', 'iqa', 'supervisor', 'manager', 'admin'],
  'manage:policies:org': ['admin'],
  'read:policy-acknowledgements:managed': ['manager', 'admin'],
  'create:evidence:own': ['worker'],
  'read:progress:own': ['worker'],
  'manage:assessors:org': ['admin'],
  'read:supervision:own': ['worker', 'supervisor', 'manager'],
  'manage:supervision:supervisees': ['supervisor', 'manager'],
  'manage:supervision-policy:org': ['admin'],
  'read:supervision-overview:managed': ['supervisor', 'manager'],
  'manage:people:org': ['admin'],
  'manage:organisation:org': ['admin'],
  'read:audit:org': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((role) => allowed.includes(role));
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new Forbidden();
}

/** Another organisation's row is "not found", never "forbidden": its existence is not ours to reveal. */
export function assertSameOrganisation<T extends { organisationId: number }>(
  actor: Actor,
  row: T | null | undefined,
  what = 'Page',
): T {
  if (!row || row.organisationId !== actor.organisationId) throw new NotFound(what);
  return row;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}
