// Assessors and their decisions, made through the domain functions a person's form calls.
import { recordDecisions, type Judgement } from '#app/domain/assessment/decisions.server.ts';
import { setWorkerAssessors } from '#app/domain/assessors.server.ts';
import type { Role } from '#app/domain/roles.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { WorkerAssessor } from '#db/models/index.ts';
import { actorFor, createPerson, unique } from './people.ts';

/** A new person holding the assessor role (and any others), assigned by the admin to assess these workers. */
export async function createAssessor(admin: Actor, workers: { id: number }[], roles: Role[] = ['assessor']): Promise<Actor> {
  const assessor = actorFor(await createPerson(admin.organisationId, { roles }), roles);
  for (const worker of workers) await assignAssessor(admin, worker.id, assessor);
  return assessor;
}

/** Adds an assessor to a worker's assessors, keeping the ones they already have. */
export async function assignAssessor(admin: Actor, workerId: number, assessor: { id: number }): Promise<void> {
  const current = (await WorkerAssessor.findAll({ where: { workerId } })).map((row) => row.assessorId);
  await setWorkerAssessors(contextFor(admin), workerId, [...new Set([...current, assessor.id])]);
}

/** A judgement with the usual method and feedback, for the given outcome. */
export function judgement(itemId: number, outcome: Judgement['outcome'] = 'met', overrides: Partial<Judgement> = {}): Judgement {
  return {
    itemId,
    outcome,
    method: 'examination_of_work_product',
    feedback: outcome === 'met' ? '' : 'Show how you recorded the change in the care plan.',
    ...overrides,
  };
}

/** Records decisions on the given evidence as the assessor's form would, with a fresh submission key. */
export async function judge(assessor: Actor, workerId: number, evidenceIds: number[], judgements: Judgement[], options: { answersReviewId?: number; submissionKey?: string } = {}) {
  return recordDecisions(contextFor(assessor), {
    workerId,
    evidenceIds,
    judgements,
    submissionKey: options.submissionKey ?? unique('decision'),
    answersReviewId: options.answersReviewId ?? null,
  });
}
