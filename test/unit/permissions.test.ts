// The policy module: which roles hold which permissions, and organisation scoping.
import { expect } from 'chai';
import { ROLES, type Role } from '#app/domain/roles.ts';
import { Forbidden, NotFound } from '#app/utils/errors.server.ts';
import { navigationFor, showsAccountLink } from '#app/utils/navigation.server.ts';
import { PERMISSIONS, assertCan, assertSameOrganisation, can, type Actor, type Permission } from '#app/utils/permissions.server.ts';

function actor(roles: Role[], organisationId = 1): Actor {
  return { id: 1, organisationId, organisationName: 'Org', name: 'A', email: 'a@example.org', roles, teamId: null, lineSupervisorId: null };
}

describe('permissions', () => {
  // Written out by hand, not read from PERMISSIONS: a change to who may do what must change this table too.
  const EXPECTED: Record<Permission, Role[]> = {
    'read:home:own': ['worker', 'assessor', 'iqa', 'supervisor', 'manager', 'admin'],
    'update:password:own': ['worker', 'assessor', 'iqa', 'supervisor', 'manager', 'admin'],
    'read:team:managed': ['manager'],
    'plan:development:managed': ['manager'],
    'read:standards:org': ['worker', 'assessor', 'iqa', 'supervisor', 'manager', 'admin'],
    'manage:standards:org': ['admin'],
    'read:role-profiles:org': ['assessor', 'iqa', 'supervisor', 'manager', 'admin'],
    'manage:role-profiles:org': ['admin'],
    'read:policies:org': ['worker', 'assessor', 'iqa', 'supervisor', 'manager', 'admin'],
    'manage:policies:org': ['admin'],
    'read:policy-acknowledgements:org': ['admin'],
    'read:policy-acknowledgements:managed': ['manager'],
    'create:evidence:own': ['worker'],
    'read:evidence:own': ['worker', 'assessor', 'iqa', 'supervisor', 'manager', 'admin'],
    'read:evidence:assessed': ['assessor'],
    'read:evidence:supervised': ['supervisor'],
    'read:evidence:managed': ['manager'],
    'read:evidence:quality-assured': ['iqa'],
    'decide:evidence:assessed': ['assessor'],
    'create:witnessed-evidence:assessed': ['assessor'],
    'read:assessment-queue:own': ['assessor'],
    'review:decisions:quality-assured': ['iqa'],
    'read:iqa-report:org': ['iqa', 'admin'],
    'manage:assessor-status:org': ['iqa'],
    'manage:assessment-rules:org': ['admin'],
    'manage:iqa-settings:org': ['admin'],
    'reopen:achievement:org': ['admin', 'iqa'],
    'read:progress:own': ['worker'],
    'manage:assessors:org': ['admin'],
    'print:portfolio:org': ['admin'],
    'read:supervision:own': ['worker', 'supervisor', 'manager'],
    'read:supervision:supervised': ['supervisor'],
    'read:supervision:managed': ['manager'],
    'manage:supervision:supervised': ['supervisor'],
    'manage:supervision:managed': ['manager'],
    'read:supervision-overview:supervised': ['supervisor'],
    'read:supervision-overview:managed': ['manager'],
    'read:development-plan:own': ['worker', 'supervisor', 'manager'],
    'read:development-plan:supervised': ['supervisor'],
    'read:development-plan:managed': ['manager'],
    'change:development-plan:own': ['worker', 'supervisor', 'manager'],
    'change:development-plan:supervised': ['supervisor'],
    'change:development-plan:managed': ['manager'],
    'manage:people:org': ['admin'],
    'manage:organisation:org': ['admin'],
    'read:audit:org': ['admin'],
    'request:portfolio-batch:managed': ['manager'],
    'request:portfolio-batch:org': ['admin'],
    'read:portfolio-batches:org': ['admin'],
    'print:inspection-pack:managed': ['manager'],
    'print:inspection-pack:org': ['admin'],
  };

  it('grants each permission to exactly the roles the table above states, and knows no other permission', () => {
    expect(Object.keys(PERMISSIONS).sort()).to.deep.equal(Object.keys(EXPECTED).sort());
    for (const [permission, allowed] of Object.entries(EXPECTED) as [Permission, Role[]][]) {
      const granted = ROLES.filter((role) => can(actor([role]), permission));
      expect(granted, permission).to.have.members(allowed);
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
    expect(navigationFor(actor(['worker'])).map((item) => item.label)).to.deep.equal(['Home', 'Evidence', 'Progress', 'Supervision', 'Standards', 'Policies']);
    expect(navigationFor(actor(['manager'])).map((item) => item.label)).to.deep.equal(['Home', 'Team', 'Supervision', 'Standards', 'Role profiles', 'Policies']);
    expect(navigationFor(actor(['admin'])).map((item) => item.href)).to.deep.equal(['/', '/standards', '/role-profiles', '/policies', '/people', '/organisation', '/audit']);
    // Quality assurance: the sample for an IQA; admins reach the report and rules from their home page.
    expect(navigationFor(actor(['iqa'])).map((item) => item.href)).to.include('/iqa');
    expect(navigationFor(actor(['iqa', 'admin'])).filter((item) => item.label === 'Quality assurance').map((item) => item.href)).to.deep.equal(['/iqa']);
    // Your account is linked from the header, beside Sign out, for everyone signed in.
    for (const roles of [['worker'], ['admin'], ['assessor']] as const) expect(showsAccountLink(actor([...roles]))).to.equal(true);
  });
});
