// Admins create people, give them roles, a team and a line supervisor, and deactivate them.
import { Op, UniqueConstraintError, type Transaction } from 'sequelize';
import { ValidationError } from '#app/utils/errors.server.ts';
import { assertCan, assertSameOrganisation, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { Person, PersonRole, Session, Team } from '#db/models/index.ts';
import { normaliseEmail } from './accounts.server.ts';
import { AUDIT_ACTIONS } from './audit.server.ts';
import { supervisorsAmong } from './relationships.server.ts';
import { NO_ROLE_MESSAGE, ROLES, ROLE_LABELS, isRole, type Role } from './roles.ts';
import { locked, write } from './write.server.ts';

export type PersonInput = {
  name: string;
  email: string;
  jobTitle?: string | undefined;
  teamId?: number | undefined;
  lineSupervisorId?: number | undefined;
  roles: Role[];
};

export async function listPeople(actor: Actor) {
  assertCan(actor, 'manage:people:org');
  const people = await Person.findAll({
    where: { organisationId: actor.organisationId },
    include: [
      { model: PersonRole, as: 'roles', attributes: ['role'] },
      { model: Team, as: 'team', attributes: ['name'] },
      { model: Person, as: 'lineSupervisor', attributes: ['name'] },
    ],
    order: [
      ['name', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const supervisors = await supervisorsAmong(actor.organisationId, people.map((person) => person.lineSupervisorId));
  return people.map((person) => ({
    id: person.id,
    name: person.name,
    email: person.email,
    jobTitle: person.jobTitle,
    teamName: person.team?.name ?? null,
    lineSupervisorName: person.lineSupervisor?.name ?? null,
    // The line supervisor was deactivated or lost the supervisor role: the link gives nobody access any more.
    lineSupervisorNeedsReassigning: person.lineSupervisorId !== null && !supervisors.has(person.lineSupervisorId),
    roles: (person.roles ?? [])
      .map((row) => row.role)
      .filter(isRole)
      .sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)),
    active: person.deactivatedAt === null,
  }));
}

/** Teams and possible line supervisors, for the person form. */
export async function personFormOptions(actor: Actor) {
  assertCan(actor, 'manage:people:org');
  const [teams, supervisors] = await Promise.all([
    Team.findAll({ where: { organisationId: actor.organisationId }, order: [['name', 'ASC']], attributes: ['id', 'name'] }),
    Person.findAll({
      where: { organisationId: actor.organisationId, deactivatedAt: null },
      include: [{ model: PersonRole, as: 'roles', where: { role: 'supervisor' }, attributes: [] }],
      order: [['name', 'ASC']],
      attributes: ['id', 'name'],
    }),
  ]);
  return {
    teams: teams.map((team) => ({ value: String(team.id), label: team.name })),
    supervisors: supervisors.map((person) => ({ value: String(person.id), label: person.name })),
  };
}

export async function getPerson(actor: Actor, personId: number) {
  assertCan(actor, 'manage:people:org');
  const person = assertSameOrganisation(
    actor,
    await Person.findByPk(personId, { include: [{ model: PersonRole, as: 'roles', attributes: ['role'] }] }),
    'Person',
  );
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    jobTitle: person.jobTitle,
    teamId: person.teamId,
    lineSupervisorId: person.lineSupervisorId,
    roles: (person.roles ?? []).map((row) => row.role).filter(isRole),
    active: person.deactivatedAt === null,
    deactivatedAt: person.deactivatedAt?.toISOString() ?? null,
    isSelf: person.id === actor.id,
  };
}

/**
 * The team must be in the actor's organisation; the line supervisor must also be active, hold the supervisor role
 * and not be the person themself, whatever a crafted form posts. Returns the names the audit log needs.
 */
async function checkReferences(actor: Actor, input: PersonInput, personId?: number) {
  const errors: Record<string, string[]> = {};
  const [team, supervisor] = await Promise.all([
    input.teamId !== undefined ? Team.findOne({ where: { id: input.teamId, organisationId: actor.organisationId } }) : null,
    input.lineSupervisorId !== undefined
      ? Person.findOne({
          where: { id: input.lineSupervisorId, organisationId: actor.organisationId, deactivatedAt: null },
          include: [{ model: PersonRole, as: 'roles', where: { role: 'supervisor' }, attributes: [] }],
          attributes: ['id', 'name'],
        })
      : null,
  ]);
  if (input.teamId !== undefined && !team) errors.teamId = ['Select a team from the list'];
  if (input.lineSupervisorId !== undefined) {
    if (input.lineSupervisorId === personId) errors.lineSupervisorId = ['A person cannot be their own line supervisor'];
    else if (!supervisor) errors.lineSupervisorId = ['Select a line supervisor from the list: only active people with the supervisor role can be one'];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { teamName: team?.name ?? null, supervisorName: supervisor?.name ?? null };
}

/**
 * Email is unique across organisations so that sign-in by email alone names one account. Refusing an address
 * therefore must not say whether it is taken, or where: the same words for every unusable address (docs/decisions/003).
 */
const EMAIL_UNUSABLE = 'This email address cannot be used. Check it, or use the person’s own work email address';

function checkRoles(input: PersonInput) {
  if (input.roles.length === 0) throw new ValidationError({ roles: [NO_ROLE_MESSAGE] });
}

function describeRoles(roles: Role[]) {
  return roles.length ? roles.map((role) => ROLE_LABELS[role]).join(', ') : 'no roles';
}

/** What changed, in words an auditor reads: who became whose line supervisor, the new team, the new email. */
async function describeChanges(
  previous: { name: string; email: string; jobTitle: string | null; teamId: number | null; lineSupervisorId: number | null },
  person: Person,
  names: { teamName: string | null; supervisorName: string | null },
  transaction: Transaction,
): Promise<string[]> {
  const changes: string[] = [];
  if (previous.name !== person.name) changes.push(`name from ${previous.name} to ${person.name}`);
  if (previous.email !== person.email) changes.push(`email from ${previous.email} to ${person.email}`);
  if (previous.jobTitle !== person.jobTitle) changes.push(`job title to ${person.jobTitle ?? 'none'}`);
  if (previous.teamId !== person.teamId) changes.push(`team to ${names.teamName ?? 'none'}`);
  if (previous.lineSupervisorId !== person.lineSupervisorId) {
    const former = previous.lineSupervisorId ? await Person.findByPk(previous.lineSupervisorId, { attributes: ['name'], transaction }) : null;
    const was = former ? ` (was ${former.name})` : '';
    changes.push(
      names.supervisorName
        ? `${names.supervisorName} became the line supervisor of ${person.name}${was}`
        : `${person.name} no longer has a line supervisor${was}`,
    );
  }
  return changes;
}

export async function createPerson(ctx: DomainContext, input: PersonInput): Promise<number> {
  const { actor } = ctx;
  assertCan(actor, 'manage:people:org');
  const { supervisorName } = await checkReferences(actor, input);
  checkRoles(input);
  try {
    return await write(ctx, {
      permission: 'manage:people:org',
      run: async (_, transaction, record) => {
        const person = await Person.create(
          {
            organisationId: actor.organisationId,
            name: input.name,
            email: normaliseEmail(input.email),
            jobTitle: input.jobTitle ?? null,
            teamId: input.teamId ?? null,
            lineSupervisorId: input.lineSupervisorId ?? null,
            passwordHash: null,
            deactivatedAt: null,
          },
          { transaction },
        );
        await PersonRole.bulkCreate(
          input.roles.map((role) => ({ organisationId: actor.organisationId, personId: person.id, role })),
          { transaction },
        );
        record({
          action: AUDIT_ACTIONS.personCreated,
          summary: `${actor.name} added ${person.name} with roles: ${describeRoles(input.roles)}${supervisorName ? `; line supervisor ${supervisorName}` : ''}`,
          subject: { type: 'person', id: person.id },
        });
        return person.id;
      },
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) {
      throw new ValidationError({ email: [EMAIL_UNUSABLE] });
    }
    throw error;
  }
}

export async function updatePerson(ctx: DomainContext, personId: number, input: PersonInput) {
  const { actor } = ctx;
  assertCan(actor, 'manage:people:org');
  const { teamName, supervisorName } = await checkReferences(actor, input, personId);
  checkRoles(input);
  try {
    await write(ctx, {
      permission: 'manage:people:org',
      run: async (_, transaction, record) => {
        const person = assertSameOrganisation(
          actor,
          await Person.findByPk(personId, {
            include: [{ model: PersonRole, as: 'roles' }],
            transaction,
            lock: transaction.LOCK.UPDATE,
          }),
          'Person',
        );
        const before = (person.roles ?? []).map((row) => row.role);
        const previous = { name: person.name, email: person.email, jobTitle: person.jobTitle, teamId: person.teamId, lineSupervisorId: person.lineSupervisorId };
        if (person.id === actor.id && before.includes('admin') && !input.roles.includes('admin')) {
          throw new ValidationError({ roles: ['You cannot remove your own admin role; ask another admin'] });
        }
        await person.update(
          {
            name: input.name,
            email: normaliseEmail(input.email),
            jobTitle: input.jobTitle ?? null,
            teamId: input.teamId ?? null,
            lineSupervisorId: input.lineSupervisorId ?? null,
          },
          { transaction },
        );
        const added = input.roles.filter((role) => !before.includes(role));
        const removed = before.filter((role) => !input.roles.includes(role));
        if (removed.length) {
          await PersonRole.destroy({ where: { personId: person.id, role: { [Op.in]: removed } }, transaction });
        }
        if (added.length) {
          await PersonRole.bulkCreate(
            added.map((role) => ({ organisationId: actor.organisationId, personId: person.id, role })),
            { transaction },
          );
        }
        const changes = await describeChanges(previous, person, { teamName, supervisorName }, transaction);
        if (changes.length) {
          record({
            action: AUDIT_ACTIONS.personUpdated,
            summary: `${actor.name} changed ${person.name}: ${changes.join('; ')}`,
            subject: { type: 'person', id: person.id },
          });
        }
        if (added.length || removed.length) {
          record({ action: AUDIT_ACTIONS.rolesChanged, summary: `${actor.name} changed the roles of ${person.name} from ${describeRoles(before.filter(isRole))} to ${describeRoles(input.roles)} (${[
                ...(added.length ? [`added ${describeRoles(added)}`] : []),
                ...(removed.length ? [`removed ${describeRoles(removed.filter(isRole))}`] : []),
              ].join('; ')})`, subject: { type: 'person', id: person.id } });
        }
      },
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) {
      throw new ValidationError({ email: [EMAIL_UNUSABLE] });
    }
    throw error;
  }
}

/** A deactivated person cannot sign in and is signed out everywhere; everything they recorded stays. */
export async function setPersonActive(ctx: DomainContext, personId: number, active: boolean) {
  const { actor } = ctx;
  assertCan(actor, 'manage:people:org');
  if (personId === actor.id && !active) throw new ValidationError({ person: ['You cannot deactivate yourself'] });
  await write(ctx, {
    permission: 'manage:people:org',
    run: async (_, transaction, record) => {
      const person = assertSameOrganisation(actor, await Person.findByPk(personId, locked(transaction)), 'Person');
      if ((person.deactivatedAt === null) === active) return;
      await person.update({ deactivatedAt: active ? null : new Date() }, { transaction });
      if (!active) await Session.destroy({ where: { personId: person.id }, transaction });
      record({
        action: active ? AUDIT_ACTIONS.personReactivated : AUDIT_ACTIONS.personDeactivated,
        summary: `${actor.name} ${active ? 'reactivated' : 'deactivated'} ${person.name}`,
        subject: { type: 'person', id: person.id },
      });
    },
  });
}
