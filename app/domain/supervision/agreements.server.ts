// Written supervision agreements: a supervisor drafts a version, both parties sign it, it becomes the current one
// and the version it replaces stays on record as superseded.
import { Op, literal } from 'sequelize';
import { memoPerActor } from '#app/utils/actor-memo.server.ts';
import { parseIsoDate, parseTime } from '#app/utils/dates/index.ts';
import { Forbidden, InvalidTransition, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { assertCan, can, isSupervisedWorker, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { ManagerScope, Person, PersonRole, SupervisionAgreement, SupervisionSignature, Team } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from '../audit.server.ts';
import { managedTeamIds } from '../relationships.server.ts';
import { AGREEMENT_STAGE, AGREEMENT_WORKFLOW, agreementStage, storedStatus, storedStatusesAllowing } from '../workflows/supervision-agreement.server.ts';
import { assertTransition } from '../workflows/workflow.server.ts';
import { locked, write } from '../write.server.ts';
import { readAccess } from './access.server.ts';
import { checkFrequency, rolePoliciesOf } from './internal/policy-check.server.ts';
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
export async function draftAgreement(ctx: DomainContext, workerId: number, input: AgreementInput): Promise<number> {
  const { actor } = ctx;
  const agreement = await write(ctx, {
    permission: 'manage:supervision',
    load: async (transaction) => {
      const { worker, canManage } = await readAccess(actor, workerId);
      if (!canManage) throw new Forbidden('Only the worker’s supervisor or a manager above them can write the agreement');
      // The worker's agreements are locked so two drafts cannot take the same version number.
      const latest = await SupervisionAgreement.findAll({ where: { workerId }, attributes: ['id', 'version'], ...locked(transaction) });
      return { worker, latest: Math.max(0, ...latest.map((row) => row.version)) };
    },
    check: ({ worker }) => {
      checkAgreementInput(input);
      if (worker.lineSupervisorId === null) throw new ValidationError({ frequencyWeeks: [`${worker.name} has no line supervisor yet`] });
    },
    run: async ({ worker, latest }, transaction) => {
      await SupervisionAgreement.update(
        { status: AGREEMENT_STATUS.superseded },
        { where: { workerId, status: { [Op.in]: storedStatusesAllowing('redraft') } }, transaction },
      );
      return SupervisionAgreement.create(
        {
          organisationId: actor.organisationId,
          workerId,
          supervisorId: worker.lineSupervisorId!,
          version: latest + 1,
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
    },
    audit: ({ worker }, created) => ({
      action: AUDIT_ACTIONS.supervisionAgreementCreated,
      summary: `${actor.name} drafted version ${created.version} of ${worker.name}’s supervision agreement (${everyWeeks(created.frequencyWeeks).toLowerCase()})`,
      subject: { type: 'supervision_agreement', id: created.id },
    }),
  });
  return agreement.id;
}

/** The actor signs as the worker (their own agreement) or as the supervisor; both signatures make it current. */
export async function signAgreement(ctx: DomainContext, agreementId: number): Promise<{ active: boolean }> {
  const { actor, now } = ctx;
  return write(ctx, {
    permission: 'read:supervision',
    load: async (transaction) => {
      const agreement = await SupervisionAgreement.findOne({ where: { id: agreementId, organisationId: actor.organisationId }, ...locked(transaction) });
      if (!agreement) throw new NotFound('Supervision agreement');
      const { worker, relationship, canManage } = await readAccess(actor, agreement.workerId);
      const party: Party = isSupervisedWorker(actor, { id: worker.id, relationship }) ? PARTY.worker : PARTY.supervisor;
      if (party === PARTY.supervisor && !canManage) throw new NotFound('Supervision agreement');
      const signatures = await SupervisionSignature.findAll({ where: { agreementId }, transaction });
      return { agreement, worker, party, signatures };
    },
    check: ({ agreement, party, signatures }) => {
      assertTransition(AGREEMENT_WORKFLOW, agreementStage(agreement.status, signatures.map((row) => row.party)), 'sign');
      if (signatures.some((row) => row.party === party)) throw new InvalidTransition('You have already signed this agreement');
    },
    run: async ({ agreement, party, signatures }, transaction) => {
      const stage = assertTransition(AGREEMENT_WORKFLOW, agreementStage(agreement.status, signatures.map((row) => row.party)), 'sign');
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
      return { active };
    },
    audit: ({ agreement, worker, party }, { active }) => ({
      action: AUDIT_ACTIONS.supervisionAgreementSigned,
      summary: `${actor.name} signed version ${agreement.version} of ${worker.name}’s supervision agreement as the ${party}${active ? '; it is now current' : ''}`,
      subject: { type: 'supervision_agreement', id: agreement.id },
    }),
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

/** Every version of the worker's agreement, newest first, with signatures and the policy check, for its readers: three queries. */
export async function agreementsFor(actor: Actor, workerId: number) {
  await readAccess(actor, workerId);
  const rows = await SupervisionAgreement.findAll({ where: { workerId, organisationId: actor.organisationId }, order: [['version', 'DESC']] });
  return describeAgreements(rows);
}

/** Managers (and supervisors for their supervisees): active workers without a current signed agreement. */
export async function workersWithoutAgreement(actor: Actor) {
  assertCan(actor, 'read:supervision-overview');
  const people = await scopedWorkers(actor);
  if (!people.length) return [];
  const active = await SupervisionAgreement.findAll({
    where: { workerId: { [Op.in]: people.map((person) => person.id) }, status: AGREEMENT_STATUS.active },
    attributes: ['workerId'],
  });
  const covered = new Set(active.map((row) => row.workerId));
  return people.filter((person) => !covered.has(person.id)).map((person) => ({ id: person.id, name: person.name }));
}

/**
 * The workers whose supervision the actor oversees: their supervisees and, for managers, the teams they manage. No
 * separate check: the scopes are chosen from the actor's own permissions, so an actor without one gets nobody.
 */
/** The people whose supervision the actor oversees, once per request (the home page and the overviews all ask). */
export const scopedWorkers = memoPerActor([Person, PersonRole, ManagerScope, Team], loadScopedWorkers);

async function loadScopedWorkers(actor: Actor) {
  const teamIds = can(actor, 'read:supervision-overview:managed') ? await managedTeamIds(actor) : [];
  const scopes = [
    ...(can(actor, 'read:supervision-overview:supervised') ? [{ lineSupervisorId: actor.id }] : []),
    ...(teamIds.length ? [{ teamId: { [Op.in]: teamIds } }] : []),
  ];
  if (!scopes.length) return [];
  const people = await Person.findAll({
    where: {
      organisationId: actor.organisationId,
      deactivatedAt: null,
      id: { [Op.ne]: actor.id },
      [Op.and]: [
        { [Op.or]: scopes },
        // Everyone with a line supervisor has supervision, whatever their roles; so does a worker still waiting for one.
        { [Op.or]: [{ lineSupervisorId: { [Op.ne]: null } }, { id: { [Op.in]: literal(`(SELECT person_id FROM person_roles WHERE role = 'worker')`) } }] },
      ],
    },
    attributes: ['id', 'name', 'lineSupervisorId'],
    order: [['name', 'ASC']],
  });
  return people;
}
