// A worker's supervision as the actor stands to it: who the worker is, the relationship, and whether the actor writes
// the supervisor's part. The predicates themselves live in the policy module (app/utils/permissions.server.ts).
import { NotFound } from '#app/utils/errors.server.ts';
import { assertCan, canManageSupervision, canReadSupervision, type Actor } from '#app/utils/permissions.server.ts';
import { relationshipTo, type Relationship, type WorkerSummary } from '../relationships.server.ts';

export type SupervisionAccess = { worker: WorkerSummary; relationship: Relationship; canManage: boolean };

/** Reads: self, line supervisor, managers above; anyone else (assessor, IQA, colleague, other organisation) 404. */
export async function readAccess(actor: Actor, workerId: number): Promise<SupervisionAccess> {
  assertCan(actor, 'read:supervision');
  const { worker, relationship } = await relationshipTo(actor, workerId);
  const related = { id: worker.id, relationship };
  if (!canReadSupervision(actor, related)) throw new NotFound('Supervision record');
  return { worker, relationship, canManage: canManageSupervision(actor, related) };
}
