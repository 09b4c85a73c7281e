// Role profiles: the jobs an organisation defines (required standards, supervision, target period) and who holds them.
import { Op, UniqueConstraintError, type Transaction } from 'sequelize';
import { addMonths, formatDate, parseIsoDate } from '#app/utils/dates/index.ts';
import { InvalidTransition, ValidationError } from '#app/utils/errors.server.ts';
import { assertCan, assertSameOrganisation, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { plural } from '#app/utils/words.ts';
import {
  Person,
  PersonRole,
  PersonStandard,
  RoleAssignment,
  RoleProfile,
  RoleProfileStandard,
  Standard,
  StandardVersion,
  sequelize,
} from '#db/models/index.ts';
import { AUDIT_ACTIONS } from './audit.server.ts';
import { DEFAULT_PDP_REVIEW_MONTHS } from './development/standing.ts';
import { refreshItemStates } from './evidence/item-states.server.ts';
import { write } from './write.server.ts';

export type RoleProfileInput = {
  name: string;
  description?: string | undefined;
  standardIds: number[];
  supervisionFrequencyWeeks: number;
  probationSupervisionFrequencyWeeks?: number | undefined;
  urgentDebriefOnRequest: boolean;
  targetMonths: number;
  /** Months before a PDP of someone in this role is stale; 6 when not given. */
  pdpReviewMonths?: number | undefined;
};

export type AssignmentInput = { personId: number; roleProfileId: number; startedOn: string };

async function currentVersions(standardIds: number[], organisationId: number, transaction?: Transaction) {
  if (standardIds.length === 0) return [];
  return StandardVersion.findAll({
    where: { organisationId, standardId: { [Op.in]: standardIds }, isCurrent: true },
    include: [{ model: Standard, as: 'standard', attributes: ['urn'] }],
    order: [['title', 'ASC']],
    transaction,
  });
}

export async function listRoleProfiles(actor: Actor) {
  assertCan(actor, 'read:role-profiles:org');
  const profiles = await RoleProfile.findAll({
    where: { organisationId: actor.organisationId },
    include: [{ model: RoleProfileStandard, as: 'requirements', attributes: ['id'] }],
    order: [
      ['name', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const holders = (await RoleAssignment.findAll({
    attributes: ['roleProfileId', [sequelize.fn('COUNT', sequelize.col('id')), 'count']],
    where: { organisationId: actor.organisationId, endedOn: null },
    group: ['roleProfileId'],
    raw: true,
  })) as unknown as { roleProfileId: number; count: number | string }[];
  return profiles.map((profile) => ({
    id: profile.id,
    name: profile.name,
    description: profile.description,
    supervisionFrequencyWeeks: profile.supervisionFrequencyWeeks,
    targetMonths: profile.targetMonths,
    pdpReviewMonths: profile.pdpReviewMonths,
    requiredStandards: (profile.requirements ?? []).length,
    holders: Number(holders.find((row) => Number(row.roleProfileId) === profile.id)?.count ?? 0),
  }));
}

/** One profile with its required standards (at their current version) and its holders, current and past. */
export async function getRoleProfile(actor: Actor, roleProfileId: number) {
  assertCan(actor, 'read:role-profiles:org');
  const profile = assertSameOrganisation(
    actor,
    await RoleProfile.findByPk(roleProfileId, { include: [{ model: RoleProfileStandard, as: 'requirements', attributes: ['standardId'] }] }),
    'Role profile',
  );
  const standardIds = (profile.requirements ?? []).map((row) => row.standardId);
  const [versions, assignments] = await Promise.all([
    currentVersions(standardIds, actor.organisationId),
    RoleAssignment.findAll({
      where: { roleProfileId: profile.id, organisationId: actor.organisationId },
      include: [{ model: Person, as: 'person', attributes: ['id', 'name'], include: [{ model: PersonRole, as: 'roles', attributes: ['role'] }] }],
      order: [
        ['startedOn', 'DESC'],
        ['id', 'DESC'],
      ],
    }),
  ]);
  const assignment = (row: RoleAssignment) => ({
    id: row.id,
    personId: row.personId,
    personName: (row.get('person') as Person | undefined)?.name ?? '',
    // Only a worker records evidence: a role's standards given to anyone else cannot be worked towards.
    isWorker: ((row.get('person') as Person | undefined)?.roles ?? []).some((role) => role.role === 'worker'),
    startedOn: row.startedOn,
    targetDate: row.targetDate,
    endedOn: row.endedOn,
  });
  return {
    id: profile.id,
    name: profile.name,
    description: profile.description,
    supervisionFrequencyWeeks: profile.supervisionFrequencyWeeks,
    probationSupervisionFrequencyWeeks: profile.probationSupervisionFrequencyWeeks,
    urgentDebriefOnRequest: profile.urgentDebriefOnRequest,
    targetMonths: profile.targetMonths,
    pdpReviewMonths: profile.pdpReviewMonths,
    standardIds,
    requiredStandards: versions.map((version) => ({
      standardId: version.standardId,
      urn: version.standard?.urn ?? '',
      title: version.title,
      version: version.version,
    })),
    holders: assignments.filter((row) => row.endedOn === null).map(assignment),
    pastHolders: assignments.filter((row) => row.endedOn !== null).map(assignment),
  };
}

/** The library's standards and the organisation's active people, for the admin forms. */
export async function roleProfileFormOptions(actor: Actor) {
  assertCan(actor, 'manage:role-profiles:org');
  const [versions, people] = await Promise.all([
    StandardVersion.findAll({
      where: { organisationId: actor.organisationId, isCurrent: true },
      include: [{ model: Standard, as: 'standard', attributes: ['urn'] }],
      order: [['title', 'ASC']],
    }),
    Person.findAll({
      where: { organisationId: actor.organisationId, deactivatedAt: null },
      order: [['name', 'ASC']],
      attributes: ['id', 'name'],
    }),
  ]);
  return {
    standards: versions.map((version) => ({ value: String(version.standardId), label: `${version.standard?.urn ?? ''} ${version.title}` })),
    people: people.map((person) => ({ value: String(person.id), label: person.name })),
  };
}

/** Every required standard must be in the actor's organisation's library. */
async function checkInput(actor: Actor, input: RoleProfileInput) {
  const ids = [...new Set(input.standardIds)];
  const errors: Record<string, string[]> = {};
  if (ids.length) {
    const found = await Standard.count({ where: { id: { [Op.in]: ids }, organisationId: actor.organisationId } });
    if (found !== ids.length) errors.standardIds = ['Select standards from the library'];
  }
  if (
    input.probationSupervisionFrequencyWeeks !== undefined &&
    input.probationSupervisionFrequencyWeeks > input.supervisionFrequencyWeeks
  ) {
    errors.probationSupervisionFrequencyWeeks = ['Supervision during probation must be at least as frequent as afterwards'];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return ids;
}

function profileValues(input: RoleProfileInput) {
  return {
    name: input.name,
    description: input.description ?? null,
    supervisionFrequencyWeeks: input.supervisionFrequencyWeeks,
    probationSupervisionFrequencyWeeks: input.probationSupervisionFrequencyWeeks ?? null,
    urgentDebriefOnRequest: input.urgentDebriefOnRequest,
    targetMonths: input.targetMonths,
    pdpReviewMonths: input.pdpReviewMonths ?? DEFAULT_PDP_REVIEW_MONTHS,
  };
}

function duplicateName(error: unknown): never {
  if (error instanceof UniqueConstraintError) throw new ValidationError({ name: ['There is already a role profile with this name'] });
  throw error;
}

export async function createRoleProfile(ctx: DomainContext, input: RoleProfileInput): Promise<number> {
  const { actor } = ctx;
  assertCan(actor, 'manage:role-profiles:org');
  const standardIds = await checkInput(actor, input);
  try {
    return await write(ctx, {
      permission: 'manage:role-profiles:org',
      run: async (_, transaction, record) => {
        const profile = await RoleProfile.create({ organisationId: actor.organisationId, ...profileValues(input) }, { transaction });
        await RoleProfileStandard.bulkCreate(
          standardIds.map((standardId) => ({ roleProfileId: profile.id, standardId })),
          { transaction },
        );
        record({
          action: AUDIT_ACTIONS.roleProfileChanged,
          summary: `${actor.name} created the role profile ${profile.name} with ${plural(standardIds.length, 'required standard', 'required standards')}`,
          subject: { type: 'role_profile', id: profile.id },
        });
        return profile.id;
      },
    });
  } catch (error) {
    duplicateName(error);
  }
}

/** Changes apply to future assignments; people already holding the role keep the standards they were given. */
export async function updateRoleProfile(ctx: DomainContext, roleProfileId: number, input: RoleProfileInput) {
  const { actor } = ctx;
  assertCan(actor, 'manage:role-profiles:org');
  const standardIds = await checkInput(actor, input);
  try {
    await write(ctx, {
      permission: 'manage:role-profiles:org',
      run: async (_, transaction, record) => {
        const profile = assertSameOrganisation(
          actor,
          await RoleProfile.findByPk(roleProfileId, {
            include: [{ model: RoleProfileStandard, as: 'requirements' }],
            transaction,
            lock: transaction.LOCK.UPDATE,
          }),
          'Role profile',
        );
        const before = (profile.requirements ?? []).map((row) => row.standardId);
        const added = standardIds.filter((id) => !before.includes(id));
        const removed = before.filter((id) => !standardIds.includes(id));
        await profile.update(profileValues(input), { transaction });
        if (removed.length) {
          await RoleProfileStandard.destroy({ where: { roleProfileId: profile.id, standardId: { [Op.in]: removed } }, transaction });
        }
        if (added.length) {
          await RoleProfileStandard.bulkCreate(
            added.map((standardId) => ({ roleProfileId: profile.id, standardId })),
            { transaction },
          );
        }
        record({
          action: AUDIT_ACTIONS.roleProfileChanged,
          summary: `${actor.name} updated the role profile ${profile.name} (${plural(added.length, 'standard', 'standards')} added, ${removed.length} removed)`,
          subject: { type: 'role_profile', id: profile.id },
        });
      },
    });
  } catch (error) {
    duplicateName(error);
  }
}

/**
 * Gives a person a role from a start date: the assignment, with its target date, and each required standard at
 * its current version, all in one transaction. A person may hold several roles, but not the same one twice.
 */
export async function assignRoleProfile(ctx: DomainContext, input: AssignmentInput): Promise<number> {
  const { actor } = ctx;
  assertCan(actor, 'manage:role-profiles:org');
  const startedOn = parseIsoDate(input.startedOn);
  if (!startedOn) throw new ValidationError({ startedOn: ['Enter a real start date'] });
  return write(ctx, {
    permission: 'manage:role-profiles:org',
    run: async (_, transaction, record) => {
      const profile = assertSameOrganisation(
        actor,
        await RoleProfile.findByPk(input.roleProfileId, {
          include: [{ model: RoleProfileStandard, as: 'requirements', attributes: ['standardId'] }],
          transaction,
        }),
        'Role profile',
      );
      const person = await Person.findByPk(input.personId, { transaction, lock: transaction.LOCK.UPDATE });
      if (!person || person.organisationId !== actor.organisationId || person.deactivatedAt !== null) {
        throw new ValidationError({ personId: ['Select a person from the list'] });
      }
      const open = await RoleAssignment.findOne({
        where: { personId: person.id, roleProfileId: profile.id, endedOn: null },
        transaction,
      });
      if (open) throw new ValidationError({ personId: [`${person.name} already holds this role`] });

      const targetDate = addMonths(startedOn, profile.targetMonths);
      const assignment = await RoleAssignment.create(
        {
          organisationId: actor.organisationId,
          personId: person.id,
          roleProfileId: profile.id,
          startedOn,
          targetDate,
          endedOn: null,
          assignedById: actor.id,
        },
        { transaction },
      );
      const versions = await currentVersions(
        (profile.requirements ?? []).map((row) => row.standardId),
        actor.organisationId,
        transaction,
      );
      for (const version of versions) {
        // A standard the person already has (from another role) keeps its existing target.
        await PersonStandard.findOrCreate({
          where: { personId: person.id, standardVersionId: version.id },
          defaults: {
            organisationId: actor.organisationId,
            personId: person.id,
            standardVersionId: version.id,
            roleAssignmentId: assignment.id,
            targetDate,
          },
          transaction,
        });
      }
      record({
        action: AUDIT_ACTIONS.roleAssigned,
        summary: `${actor.name} assigned ${person.name} the role ${profile.name} from ${formatDate(startedOn)}, target ${formatDate(targetDate)}`,
        subject: { type: 'person', id: person.id },
      });
      // A standard newly held can take over evidence from an earlier version the person holds.
      await refreshItemStates([person.id], transaction);
      return assignment.id;
    },
  });
}

/** Ends an assignment; the row stays as history. */
export async function endRoleAssignment(ctx: DomainContext, assignmentId: number, endedOn: string) {
  const { actor } = ctx;
  assertCan(actor, 'manage:role-profiles:org');
  const date = parseIsoDate(endedOn);
  if (!date) throw new ValidationError({ endedOn: ['Enter a real end date'] });
  await write(ctx, {
    permission: 'manage:role-profiles:org',
    run: async (_, transaction, record) => {
      const assignment = assertSameOrganisation(
        actor,
        await RoleAssignment.findByPk(assignmentId, {
          include: [
            { model: RoleProfile, as: 'roleProfile', attributes: ['name'] },
            { model: Person, as: 'person', attributes: ['name'] },
          ],
          transaction,
          lock: transaction.LOCK.UPDATE,
        }),
        'Role assignment',
      );
      if (assignment.endedOn !== null) throw new InvalidTransition('This role assignment has already ended');
      if (date < assignment.startedOn) throw new ValidationError({ endedOn: ['The end date must be on or after the start date'] });
      await assignment.update({ endedOn: date }, { transaction });
      record({
        action: AUDIT_ACTIONS.roleAssigned,
        summary: `${actor.name} ended ${(assignment.get('person') as Person | undefined)?.name ?? 'someone'}’s role ${assignment.roleProfile?.name ?? ''} on ${formatDate(date)}`,
        subject: { type: 'person', id: assignment.personId },
      });
    },
  });
}

/** Every role a person has held or holds, newest first. */
export async function roleHistory(actor: Actor, personId: number) {
  assertCan(actor, 'read:role-profiles:org');
  const person = assertSameOrganisation(actor, await Person.findByPk(personId, { attributes: ['id', 'organisationId'] }), 'Person');
  const assignments = await RoleAssignment.findAll({
    where: { personId: person.id, organisationId: actor.organisationId },
    include: [{ model: RoleProfile, as: 'roleProfile', attributes: ['id', 'name'] }],
    order: [
      ['startedOn', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  return assignments.map((row) => ({
    id: row.id,
    roleProfileId: row.roleProfileId,
    roleProfileName: row.roleProfile?.name ?? '',
    startedOn: row.startedOn,
    targetDate: row.targetDate,
    endedOn: row.endedOn,
    open: row.endedOn === null,
  }));
}
