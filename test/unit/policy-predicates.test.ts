// The policy's predicates: a relationship gives access only with the role whose permission has that scope, and each
// predicate widens for the subject (the worker themselves) as Moodle's plan::can_manage_user does.
import { expect } from 'chai';
import type { Role } from '#app/domain/roles.ts';
import {
  can,
  canChangeEvidence,
  canManageSupervision,
  canReadEvidence,
  canReadSupervision,
  isSupervisedWorker,
  scopesOf,
  type Actor,
  type Relationship,
} from '#app/utils/permissions.server.ts';

const none: Relationship = { self: false, lineSupervisor: false, assessor: false, manager: false, qualityAssured: false };
const actor = (roles: Role[]): Actor => ({ id: 7, organisationId: 1, organisationName: 'Org', name: 'A', email: 'a@example.org', roles, teamId: null, lineSupervisorId: null });
const worker = (relationship: Partial<Relationship>) => ({ id: 9, relationship: { ...none, ...relationship } });

describe('policy predicates', () => {
  it('chooses the scope from the relationship', () => {
    expect(scopesOf(none)).to.deep.equal([]);
    expect(scopesOf({ self: true, lineSupervisor: false, assessor: true, manager: true, qualityAssured: false })).to.deep.equal(['own', 'assessed', 'managed']);
  });

  it('evidence: the worker, their assessor, line supervisor and manager, each only with the role', () => {
    expect(canReadEvidence(actor(['worker']), worker({ self: true }))).to.equal(true);
    expect(canReadEvidence(actor(['assessor']), worker({ assessor: true }))).to.equal(true);
    expect(canReadEvidence(actor(['worker']), worker({ assessor: true }))).to.equal(false);
    expect(canReadEvidence(actor(['supervisor']), worker({ lineSupervisor: true }))).to.equal(true);
    expect(canReadEvidence(actor(['worker']), worker({ lineSupervisor: true })), 'a former supervisor').to.equal(false);
    expect(canReadEvidence(actor(['manager']), worker({ manager: true }))).to.equal(true);
    expect(canReadEvidence(actor(['admin', 'iqa']), worker({}))).to.equal(false);
    expect(canChangeEvidence(actor(['worker']), { workerId: 7 })).to.equal(true);
    expect(canChangeEvidence(actor(['worker', 'manager']), { workerId: 9 })).to.equal(false);
  });

  it('supervision: never assessors; the supervisor part by the line supervisor or a manager above, never the worker', () => {
    expect(canReadSupervision(actor(['assessor']), worker({ assessor: true }))).to.equal(false);
    expect(canReadSupervision(actor(['worker']), worker({ self: true }))).to.equal(true);
    expect(canManageSupervision(actor(['supervisor']), worker({ lineSupervisor: true }))).to.equal(true);
    expect(canManageSupervision(actor(['manager']), worker({ manager: true }))).to.equal(true);
    expect(canManageSupervision(actor(['supervisor']), worker({ manager: true })), 'managing needs the manager role').to.equal(false);
    expect(canManageSupervision(actor(['supervisor', 'manager', 'worker']), worker({ self: true, manager: true }))).to.equal(false);
    expect(isSupervisedWorker(actor(['worker']), worker({ self: true }))).to.equal(true);
    expect(isSupervisedWorker(actor(['supervisor']), worker({ lineSupervisor: true }))).to.equal(false);
  });

  it('an area is held when any of its scopes is', () => {
    expect(can(actor(['supervisor']), 'read:supervision-overview')).to.equal(true);
    expect(can(actor(['manager']), 'read:policy-acknowledgements')).to.equal(true);
    expect(can(actor(['worker']), 'read:supervision-overview')).to.equal(false);
    expect(can(actor(['admin']), 'read:supervision')).to.equal(false);
  });
});
