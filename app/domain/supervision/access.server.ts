// Who may read and who may write a worker's supervision: the two parties and the managers above them.
import { NotFound } from '#app/utils/errors.server.ts';
import { assertCan, can, type Actor } from '#app/utils/permissions.server.ts';
import { relationshipTo, requireSupervisionReader, type Relationship, type WorkerSummary } from '../relationships.server.ts';

export type SupervisionAccess = { worker: WorkerSummary; relationship: Relationship; canManage: boolean };

/** Reads: self, line supervisor, managers above; anyone else (assessor, IQA, colleague, other organisation) 404. */
export async function readAccess(actor: Actor, workerId: number): Promise<SupervisionAccess> {
  assertCan(actor, 'read:supervision:own');
  const { worker, relationship } = await requireSupervisionReader(actor, workerId);
  return { worker, relationship, canManage: canWriteSupervisorPart(actor, relationship) };
}

/** The supervisor's part (agreement terms, schedule, record) is written by the line supervisor or a manager above. */
export function canWriteSupervisorPart(actor: Actor, relationship: Relationship): boolean {
  return !relationship.self && (relationship.lineSupervisor || relationship.manager) && can(actor, 'manage:supervision:supervisees');
}

export async function manageAccess(actor: Actor, workerId: number): Promise<SupervisionAccess> {
  assertCan(actor, 'read:supervision:own');
  const { worker, relationship } = await relationshipTo(actor, workerId);
  if (!relationship.self && !relationship.lineSupervisor && !relationship.manager) throw new NotFound('Supervision record');
  return { worker, relationship, canManage: canWriteSupervisorPart(actor, relationship) };
}
