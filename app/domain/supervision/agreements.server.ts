// Written supervision agreements: a supervisor drafts a version, both parties sign it, it becomes the current one
// and the version it replaces stays on record as superseded.
import { Op } from 'sequelize';
import { parseIsoDate, parseTime } from '#app/utils/dates/index.ts';
import { Forbidden, InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { assertCan, hasRole, type Actor } from '#app/utils/permissions.server.ts';
import { Person, PersonRole, SupervisionAgreement, SupervisionSignature, sequelize } from '#db/models/index.ts';
import { AUDIT_ACTIONS, recordAuditEvent } from '../audit.server.ts';
import { managedTeamIds } from '../team.server.ts';
import { AGREEMENT_STAGE, AGREEMENT_WORKFLOW, agreementStage, storedStatus, storedStatusesAllowing } from '../workflows/supervision-agreement.server.ts';
import { assertTransition } from '../workflows/workflow.server.ts';
import { manageAccess } from './access.server.ts';
import { checkFrequency, rolePoliciesOf } from './policy.server.ts';
import { AGREEMENT_STATUS, PARTY, type Party, everyWeeks } from './statuses.ts';

export type AgreementInput = {
  frequencyWeeks: number | undefined;
  durationMinutes: number;
  sessionTime: string;
  startsOn: string;
  place: string;
  confidentiality: string;
  scope: string;
  recordKeeping: string;
  agreeWithinDays: number;
  reviewOn: string;
  probation: boolean;
};

function checkAgreementInput(input: AgreementInput) {
  const errors: Record<string, string[]> = {};
  if (!input.frequencyWeeks || !Number.isInteger(input.frequencyWeeks) || input.frequencyWeeks < 1) {
    errors.frequencyWeeks = ['Enter how often supervision happens, in weeks'];
  }
  if (!parseTime(input.sessionTime)) errors.sessionTime = ['Enter the usual start time, for example 10:00'];
  const startsOn = parseIsoDate(input.startsOn);
  const reviewOn = parseIsoDate(input.reviewOn);
  if (!startsOn) errors.startsOn = ['Enter a real start date'];
  if (!reviewOn) errors.reviewOn = ['Enter a real review date'];
  if (startsOn && reviewOn && reviewOn <= startsOn) errors.reviewOn = ['The review date must be after the start date'];
  if (!(input.agreeWithinDays >= 1 && input.agreeWithinDays <= 60)) errors.agreeWithinDays = ['Enter between 1 and 60 days'];
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** A new draft version of the worker's agreement; an older unsigned draft is superseded. Returns its id. */
export async function draftAgreement(actor: Actor, workerId: number, input: AgreementInput, ipAddress: string): Promise<number> {
  assertCan(actor, 'manage:supervision:supervisees');
  const { worker, canManage } = await manageAccess(actor, workerId);
  if (!canManage) throw new Forbidden('Only the worker’s supervisor or a manager above them can write the agreement');
  checkAgreementInput(input);
  if (worker.lineSupervisorId === null) throw new ValidationError({ frequencyWeeks: [`${worker.name} has no line supervisor yet`] });
  return sequelize.transaction(async (transaction) => {
    const latest = await SupervisionAgreement.max<number, SupervisionAgreement>('version', { where: { workerId }, transaction });
    await SupervisionAgreement.update(
      { status: AGREEMENT_STATUS.superseded },
      { where: { workerId, status: { [Op.in]: storedStatusesAllowing('redraft') } }, transaction },
    );
    const agreement = await SupervisionAgreement.create(
      {
        organisationId: actor.organisationId,
        workerId,
        supervisorId: worker.lineSupervisorId!,
        version: (latest ?? 0) + 1,
        status: AGREEMENT_STATUS.draft,
        probation: input.probation,
        frequencyWeeks: input.frequencyWeeks!,
        durationMinutes: input.durationMinutes,
        sessionTime: parseTime(input.sessionTime)!,
        startsOn: input.startsOn,
        place: input.place,
        confidentiality: input.confidentiality,
        scope: input.scope,
        recordKeeping: input.recordKeeping,
        agreeWithinDays: input.agreeWithinDays,
        reviewOn: input.reviewOn,
        createdById: actor.id,
      },
      { transaction },
    );
    await recordAuditEvent(
      {
        organisationId: actor.organisationId,
        actorId: actor.id,
        action: AUDIT_ACTIONS.supervisionAgreementCreated,
        summary: `${actor.name} drafted version ${agreement.version} of ${worker.name}’s supervision agreement (${everyWeeks(agreement.frequencyWeeks).toLowerCase()})`,
        subject: { type: 'supervision_agreement', id: agreement.id },
        ipAddress,
      },
      transaction,
    );
    return agreement.id;
  });
}

/** The actor signs as the worker (their own agreement) or as the supervisor; both signatures make it current. */
export async function signAgreement(actor: Actor, agreementId: number, ipAddress: string): Promise<{ active: boolean }> {
  assertCan(actor, 'read:supervision:own');
  const found = await SupervisionAgreement.findOne({ where: { id: agreementId, organisationId: actor.organisationId } });
  if (!found) throw new NotFound('Supervision agreement');
  const { worker, canManage } = await manageAccess(actor, found.workerId);
  const party: Party = actor.id === found.workerId ? PARTY.worker : PARTY.supervisor;
  if (party === PARTY.supervisor && !canManage) throw new NotFound('Supervision agreement');
  return sequelize.transaction(async (transaction) => {
    const agreement = (await SupervisionAgreement.findByPk(agreementId, { transaction, lock: transaction.LOCK.UPDATE }))!;
    const signatures = await SupervisionSignature.findAll({ where: { agreementId }, transaction });
    const stage = assertTransition(AGREEMENT_WORKFLOW, agreementStage(agreement.status, signatures.map((row) => row.party)), 'sign');
    if (signatures.some((row) => row.party === party)) throw new InvalidTransition('You have already signed this agreement');
    const now = new Date();
    await SupervisionSignature.create(
      { organisationId: actor.organisationId, agreementId, personId: actor.id, party, signedName: actor.name, signedAt: now },
      { transaction },
    );
    const active = stage === AGREEMENT_STAGE.current;
    if (active) {
      await SupervisionAgreement.update(
        { status: AGREEMENT_STATUS.superseded },
        { where: { workerId: agreement.workerId, status: { [Op.in]: storedStatusesAllowing('replace') } }, transaction },
      );
      await agreement.update({ status: storedStatus(stage) }, { transaction });
    }
    await recordAuditEvent(
      {
        organisationId: actor.organisationId,
        actorId: actor.id,
        action: AUDIT_ACTIONS.supervisionAgreementSigned,
        summary: `${actor.name} signed version ${agreement.version} of ${worker.name}’s supervision agreement as the ${party}${active ? '; it is now current' : ''}`,
        subject: { type: 'supervision_agreement', id: agreement.id },
        ipAddress,
      },
      transaction,
    );
    return { active };
  });
}

export type AgreementView = Awaited<ReturnType<typeof describeAgreements>>[number];

/**
 * Agreements with their signatures and the policy check, in two queries however many there are: all their
 * signatures at once, and the policies of all their workers' current roles at once.
 */
export async function describeAgreements(agreements: SupervisionAgreement[]) {
  const workerIds = [...new Set(agreements.map((agreement) => agreement.workerId))];
  const [signatures, policies] = await Promise.all([
    agreements.length
      ? SupervisionSignature.findAll({
          where: { agreementId: { [Op.in]: agreements.map((agreement) => agreement.id) } },
          order: [['signedAt', 'ASC'], ['id', 'ASC']],
        })
      : [],
    rolePoliciesOf(workerIds),
  ]);
  const signaturesOf = new Map<number, { party: Party; name: string; signedAt: Date }[]>(agreements.map((agreement) => [agreement.id, []]));
  for (const row of signatures) signaturesOf.get(row.agreementId)!.push({ party: row.party, name: row.signedName, signedAt: row.signedAt });
  return agreements.map((agreement) => ({
    ...agreement.get({ plain: true }),
    signatures: signaturesOf.get(agreement.id)!,
    policy: checkFrequency(policies.get(agreement.workerId)!, agreement.frequencyWeeks, agreement.probation),
  }));
}

/** Every version of the worker's agreement, newest first, with signatures and the policy check: three queries in all. */
export async function agreementsFor(workerId: number) {
  const rows = await SupervisionAgreement.findAll({ where: { workerId }, order: [['version', 'DESC']] });
  return describeAgreements(rows);
}

export async function activeAgreement(workerId: number) {
  return SupervisionAgreement.findOne({ where: { workerId, status: AGREEMENT_STATUS.active } });
}

/** Managers (and supervisors for their supervisees): active workers without a current signed agreement. */
export async function workersWithoutAgreement(actor: Actor) {
  assertCan(actor, 'read:supervision-overview:managed');
  const people = await scopedWorkers(actor);
  if (!people.length) return [];
  const active = await SupervisionAgreement.findAll({
    where: { workerId: { [Op.in]: people.map((person) => person.id) }, status: AGREEMENT_STATUS.active },
    attributes: ['workerId'],
  });
  const covered = new Set(active.map((row) => row.workerId));
  return people.filter((person) => !covered.has(person.id)).map((person) => ({ id: person.id, name: person.name }));
}

/** The workers whose supervision the actor oversees: their supervisees and, for managers, the teams they manage. */
export async function scopedWorkers(actor: Actor) {
  const teamIds = hasRole(actor, 'manager') ? await managedTeamIds(actor) : [];
  // Line supervision counts only while the actor holds the supervisor role (see relationships.server.ts).
  const scopes = [...(hasRole(actor, 'supervisor') ? [{ lineSupervisorId: actor.id }] : []), ...(teamIds.length ? [{ teamId: { [Op.in]: teamIds } }] : [])];
  if (!scopes.length) return [];
  const people = await Person.findAll({
    where: {
      organisationId: actor.organisationId,
      deactivatedAt: null,
      id: { [Op.ne]: actor.id },
      [Op.or]: scopes,
    },
    // Only people who hold the worker role have supervision (not an assessor-only or admin-only account).
    include: [{ model: PersonRole, as: 'roles', where: { role: 'worker' }, attributes: [] }],
    attributes: ['id', 'name', 'lineSupervisorId'],
    order: [['name', 'ASC']],
  });
  return people;
}
