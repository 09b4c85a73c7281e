// Organisational policies: adopted versions with review dates, and who has read and acknowledged the current one.
import { Op, UniqueConstraintError, type Transaction } from 'sequelize';
import { parseIsoDate, today } from '#app/utils/dates/index.ts';
import { NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { assertCan, assertSameOrganisation, type Actor, can } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { Person, Policy, PolicyAcknowledgement, PolicyVersion, Team } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from './audit.server.ts';
import { managedTeamIds } from './relationships.server.ts';
import { write } from './write.server.ts';

export type PolicyVersionInput = { version: string; adoptedOn: string; nextReviewOn: string; body: string };
export type PolicyInput = PolicyVersionInput & { title: string };

function checkVersion(input: PolicyVersionInput) {
  const errors: Record<string, string[]> = {};
  const adoptedOn = parseIsoDate(input.adoptedOn);
  const nextReviewOn = parseIsoDate(input.nextReviewOn);
  if (!adoptedOn) errors.adoptedOn = ['Enter a real date for when this version was adopted'];
  if (!nextReviewOn) errors.nextReviewOn = ['Enter a real date for the next review'];
  if (adoptedOn && nextReviewOn && nextReviewOn <= adoptedOn) {
    errors.nextReviewOn = ['The next review date must be after the date this version was adopted'];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

async function currentVersionOf(policyId: number, transaction?: import('sequelize').Transaction) {
  const version = await PolicyVersion.findOne({ where: { policyId, isCurrent: true }, transaction });
  if (!version) throw new NotFound('Policy version');
  return version;
}

export async function listPolicies(actor: Actor) {
  assertCan(actor, 'read:policies:org');
  const [policies, versions] = await Promise.all([
    Policy.findAll({ where: { organisationId: actor.organisationId }, order: [['title', 'ASC']] }),
    PolicyVersion.findAll({
      where: { organisationId: actor.organisationId, isCurrent: true },
      attributes: ['id', 'policyId', 'version', 'adoptedOn', 'nextReviewOn'],
    }),
  ]);
  const acknowledged = new Set(
    (
      await PolicyAcknowledgement.findAll({
        where: { personId: actor.id, policyVersionId: { [Op.in]: versions.map((version) => version.id) } },
        attributes: ['policyVersionId'],
      })
    ).map((row) => row.policyVersionId),
  );
  const todayDate = today();
  return policies.flatMap((policy) => {
    const current = versions.find((version) => version.policyId === policy.id);
    if (!current) return [];
    return [
      {
        id: policy.id,
        title: policy.title,
        version: current.version,
        adoptedOn: current.adoptedOn,
        nextReviewOn: current.nextReviewOn,
        reviewOverdue: current.nextReviewOn < todayDate,
        acknowledged: acknowledged.has(current.id),
      },
    ];
  });
}

/** The policies whose current version the actor has not acknowledged: the rows the policies page marks so. */
export async function policiesToAcknowledge(actor: Actor) {
  return (await listPolicies(actor)).filter((policy) => !policy.acknowledged);
}

export async function getPolicy(actor: Actor, policyId: number) {
  assertCan(actor, 'read:policies:org');
  const policy = assertSameOrganisation(actor, await Policy.findByPk(policyId), 'Policy');
  const versions = await PolicyVersion.findAll({
    where: { policyId: policy.id },
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  const current = versions.find((version) => version.isCurrent);
  if (!current) throw new NotFound('Policy');
  const acknowledgement = await PolicyAcknowledgement.findOne({ where: { personId: actor.id, policyVersionId: current.id } });
  return {
    id: policy.id,
    title: policy.title,
    current: {
      id: current.id,
      version: current.version,
      adoptedOn: current.adoptedOn,
      nextReviewOn: current.nextReviewOn,
      body: current.body,
      reviewOverdue: current.nextReviewOn < today(),
    },
    versions: versions.map((version) => ({
      id: version.id,
      version: version.version,
      adoptedOn: version.adoptedOn,
      nextReviewOn: version.nextReviewOn,
      isCurrent: version.isCurrent,
    })),
    acknowledgedAt: acknowledgement?.createdAt.toISOString() ?? null,
  };
}

/** Stores a version as the policy's current one; the caller has made any earlier version no longer current. */
function createCurrentVersion(actor: Actor, policyId: number, input: PolicyVersionInput, transaction: Transaction) {
  return PolicyVersion.create(
    {
      organisationId: actor.organisationId,
      policyId,
      version: input.version,
      adoptedOn: input.adoptedOn,
      nextReviewOn: input.nextReviewOn,
      body: input.body,
      isCurrent: true,
      createdById: actor.id,
    },
    { transaction },
  );
}

export async function addPolicy(ctx: DomainContext, input: PolicyInput): Promise<number> {
  const { actor } = ctx;
  assertCan(actor, 'manage:policies:org');
  checkVersion(input);
  try {
    return await write(ctx, {
      permission: 'manage:policies:org',
      run: async (_, transaction, record) => {
        const policy = await Policy.create({ organisationId: actor.organisationId, title: input.title }, { transaction });
        const version = await createCurrentVersion(actor, policy.id, input, transaction);
        record({
          action: AUDIT_ACTIONS.policyVersionAdded,
          summary: `${actor.name} added the policy ${policy.title}, version ${version.version}`,
          subject: { type: 'policy_version', id: version.id },
        });
        return policy.id;
      },
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw new ValidationError({ title: ['There is already a policy with this title'] });
    throw error;
  }
}

/** The new version becomes the current one; everyone is asked to acknowledge it again. */
export async function addPolicyVersion(ctx: DomainContext, policyId: number, input: PolicyVersionInput) {
  const { actor } = ctx;
  assertCan(actor, 'manage:policies:org');
  checkVersion(input);
  await write(ctx, {
    permission: 'manage:policies:org',
    run: async (_, transaction, record) => {
      const policy = assertSameOrganisation(
        actor,
        await Policy.findByPk(policyId, { transaction, lock: transaction.LOCK.UPDATE }),
        'Policy',
      );
      const existing = await PolicyVersion.findOne({ where: { policyId: policy.id, version: input.version }, transaction });
      if (existing) throw new ValidationError({ version: ['This policy already has a version with this label'] });
      await PolicyVersion.update({ isCurrent: false }, { where: { policyId: policy.id, isCurrent: true }, transaction });
      const version = await createCurrentVersion(actor, policy.id, input, transaction);
      record({
        action: AUDIT_ACTIONS.policyVersionAdded,
        summary: `${actor.name} adopted version ${version.version} of the policy ${policy.title}`,
        subject: { type: 'policy_version', id: version.id },
      });
    },
  });
}

/** Acknowledges the current version; doing so twice changes nothing. */
export async function acknowledgePolicy(ctx: DomainContext, policyId: number) {
  const { actor } = ctx;
  assertCan(actor, 'read:policies:org');
  await write(ctx, {
    permission: 'read:policies:org',
    run: async (_, transaction, record) => {
      const policy = assertSameOrganisation(actor, await Policy.findByPk(policyId, { transaction }), 'Policy');
      const current = await currentVersionOf(policy.id, transaction);
      const [, created] = await PolicyAcknowledgement.findOrCreate({
        where: { policyVersionId: current.id, personId: actor.id },
        defaults: { organisationId: actor.organisationId, policyVersionId: current.id, personId: actor.id },
        transaction,
      });
      if (!created) return;
      record({
        action: AUDIT_ACTIONS.policyAcknowledged,
        summary: `${actor.name} acknowledged ${policy.title} version ${current.version}`,
        subject: { type: 'policy_version', id: current.id },
      });
    },
  });
}

/**
 * Who has and has not acknowledged the current version: the whole organisation for admins, the people in the
 * teams they manage for managers. Active people only.
 */
export async function acknowledgementReport(actor: Actor, policyId: number) {
  assertCan(actor, 'read:policy-acknowledgements');
  // The scope is chosen from the permission: the whole organisation, or the teams the actor manages.
  const wholeOrganisation = can(actor, 'read:policy-acknowledgements:org');
  const policy = assertSameOrganisation(actor, await Policy.findByPk(policyId), 'Policy');
  const current = await currentVersionOf(policy.id);
  const scope = wholeOrganisation ? {} : { teamId: { [Op.in]: await managedTeamIds(actor) } };
  const people = await Person.findAll({
    where: { organisationId: actor.organisationId, deactivatedAt: null, ...scope },
    include: [{ model: Team, as: 'team', attributes: ['name'] }],
    attributes: ['id', 'name', 'teamId'],
    order: [
      ['name', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const acknowledgements = await PolicyAcknowledgement.findAll({
    where: { policyVersionId: current.id, personId: { [Op.in]: people.map((person) => person.id) } },
    attributes: ['personId', 'createdAt'],
  });
  const acknowledgedAt = new Map(acknowledgements.map((row) => [row.personId, row.createdAt.toISOString()]));
  const rows = people.map((person) => ({
    personId: person.id,
    name: person.name,
    teamName: person.team?.name ?? null,
    acknowledgedAt: acknowledgedAt.get(person.id) ?? null,
  }));
  return {
    version: current.version,
    scope: wholeOrganisation ? ('organisation' as const) : ('managed-teams' as const),
    acknowledged: rows.filter((row) => row.acknowledgedAt !== null),
    notAcknowledged: rows.filter((row) => row.acknowledgedAt === null),
  };
}
