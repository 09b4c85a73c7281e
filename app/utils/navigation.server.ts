// The main navigation: each person sees the sections their roles allow (the same predicate the routes enforce).
import { can, type Actor, type Permission } from './permissions.server.ts';

const SECTIONS: { href: string; label: string; permission: Permission }[] = [
  { href: '/', label: 'Home', permission: 'read:home:own' },
  { href: '/team', label: 'Team', permission: 'read:team:managed' },
  { href: '/evidence', label: 'Evidence', permission: 'create:evidence:own' },
  { href: '/progress', label: 'Progress', permission: 'read:progress:own' },
  { href: '/assessment', label: 'Assessment', permission: 'read:assessment-queue:own' },
  { href: '/supervision', label: 'Supervision', permission: 'read:supervision:own' },
  { href: '/standards', label: 'Standards', permission: 'read:standards:org' },
  { href: '/role-profiles', label: 'Role profiles', permission: 'read:role-profiles:org' },
  { href: '/policies', label: 'Policies', permission: 'read:policies:org' },
  { href: '/iqa', label: 'Quality assurance', permission: 'review:decisions:quality-assured' },
  { href: '/people', label: 'People', permission: 'manage:people:org' },
  { href: '/organisation', label: 'Teams and locations', permission: 'manage:organisation:org' },
  { href: '/audit', label: 'Audit log', permission: 'read:audit:org' },
];

/** Whether the header links to the person's account, beside Sign out (kept out of the main navigation, whose items fit one line). */
export function showsAccountLink(actor: Actor): boolean {
  return can(actor, 'update:password:own');
}

export function navigationFor(actor: Actor): { href: string; label: string }[] {
  return SECTIONS.filter((section) => can(actor, section.permission)).map(({ href, label }) => ({ href, label }));
}
