// The roles a person can hold in an organisation; one person may hold several.
export const ROLES = ['worker', 'assessor', 'iqa', 'supervisor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  worker: 'Worker',
  assessor: 'Assessor',
  iqa: 'Internal quality assurer',
  supervisor: 'Supervisor',
  manager: 'Manager',
  admin: 'Organisation admin',
};

/** Everyone holds at least one role: without one a person can sign in to nothing. */
export const NO_ROLE_MESSAGE = 'Select at least one role';

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
