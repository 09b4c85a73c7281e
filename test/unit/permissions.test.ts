// The policy module: which roles hold which permissions, and organisation scoping.
import { expect } from 'chai';
import { ROLES, type Role } from '#app/domain/roles.ts';
import { Forbidden, NotFound } from '#app/utils/errors.server.ts';
import { navigationFor } from '#app/utils/navigation.server.ts';
import { PERMISSIONS, assertCan, assertSameOrganisation, can, type Actor, type Permission } from '#app/utils/permissions.server.ts';

function actor(roles: Role[], organisationId = 1): Actor {
  return { id: 1, organisationId, organisationName: 'Org', name: 'A', email: 'a@example.org', roles, teamId: null, lineSupervisorId: null };
}

describe('permissions', () => {
  it('grants each permission to exactly the roles listed for it', () => {
    for (const [permission, allowed] of Object.entries(PERMISSIONS) as [Permission, readonly Role[]][]) {
      for (const role of ROLES) {
        expect(can(actor([role]), permission), `${role} ${permission}`).to.equal(allowed.includes(role));
      }
    }
  });

  it('only admins manage people, the organisation and read the audit log; only managers see the team', () => {
    expect(can(actor(['manager', 'supervisor', 'worker']), 'manage:people:org')).to.equal(false);
    expect(can(actor(['admin']), 'read:audit:org')).to.equal(true);
    expect(can(actor(['worker']), 'read:team:managed')).to.equal(false);
    expect(can(actor(['worker', 'manager']), 'read:team:managed')).to.equal(true);
    expect(() => assertCan(actor(['worker']), 'manage:people:org')).to.throw(Forbidden);
    expect(can(actor([]), 'read:home:own')).to.equal(false);
  });

  it('treats another organisation’s row, or a missing one, as not found', () => {
    expect(assertSameOrganisation(actor(['admin'], 1), { organisationId: 1, id: 5 })).to.deep.equal({ organisationId: 1, id: 5 });
    expect(() => assertSameOrganisation(actor(['admin'], 1), { organisationId: 2 })).to.throw(NotFound);
    expect(() => assertSameOrganisation(actor(['admin'], 1), null)).to.throw(NotFound);
  });

  it('shows each role only the navigation its permissions allow', () => {
    expect(navigationFor(actor(['worker'])).map((item) => item.label)).to.deep.equal(['Home', 'Evidence', 'Progress', 'Supervision', 'Standards', 'Policies', 'Your account']);
    expect(navigationFor(actor(['manager'])).map((item) => item.label)).to.deep.equal(['Home', 'Team', 'Supervision', 'Standards', 'Role profiles', 'Policies', 'Your account']);
    expect(navigationFor(actor(['admin'])).map((item) => item.href)).to.deep.equal(['/', '/standards', '/role-profiles', '/policies', '/people', '/organisation', '/audit', '/account']);
  });
});
