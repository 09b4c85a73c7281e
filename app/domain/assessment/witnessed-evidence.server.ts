// Evidence an assessor witnessed (an observation, a professional discussion) for a worker they assess: stored as the
// worker's evidence, submitted at once, naming the assessor who recorded it. The worker sees it among their evidence
// and maps it further by their own change (a new revision); the assessor judges it like any other piece.
import { Forbidden, ValidationError } from '#app/utils/errors.server.ts';
import { canRecordWitnessedEvidence, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { heldStandards } from '../evidence/internal/held-items.server.ts';
import { mappedItemStates } from '../evidence/item-states.server.ts';
import type { EvidenceType } from '../evidence-types.ts';
import { insertEvidence, type EvidenceInput, type UploadedFile } from '../evidence.server.ts';
import { requireEvidenceReader } from '../relationships.server.ts';

export const WITNESSED_TYPES = ['observation', 'professional_discussion'] as const satisfies readonly EvidenceType[];

async function witnessedWorker(actor: Actor, workerId: number) {
  const { worker, relationship } = await requireEvidenceReader(actor, workerId);
  if (!canRecordWitnessedEvidence(actor, { id: worker.id, relationship })) {
    throw new Forbidden(relationship.self ? 'Your own evidence is yours to record, not witnessed by you' : 'Only an assessor assigned to this worker records evidence they witnessed');
  }
  return worker;
}

/** Whom the form is for and the items it can map to (the worker's held items), after the same check the write makes. */
export async function witnessedEvidenceFor(actor: Actor, workerId: number) {
  const worker = await witnessedWorker(actor, workerId);
  const [standards, states] = await Promise.all([heldStandards(workerId), mappedItemStates([workerId])]);
  const stateOf = states.get(workerId)!;
  return {
    worker: { id: worker.id, name: worker.name },
    standards: standards.map(({ urn, title, items }) => ({ urn, title, items: items.map(({ previousItemId: _previous, ...item }) => ({ ...item, state: stateOf.get(item.id)?.state ?? 'none' })) })),
  };
}

export async function recordWitnessedEvidence(
  ctx: DomainContext,
  workerId: number,
  input: EvidenceInput,
  files: UploadedFile[],
  options: { submissionToken: string },
): Promise<number> {
  const { actor } = ctx;
  await witnessedWorker(actor, workerId);
  if (!(WITNESSED_TYPES as readonly string[]).includes(input.type)) {
    throw new ValidationError({ type: ['Select observation or professional discussion: evidence you witnessed'] });
  }
  return insertEvidence(ctx, {
    workerId,
    recordedById: actor.id,
    input: { ...input, witnessName: undefined, witnessRole: undefined, witnessStatement: undefined },
    files,
    submissionToken: options.submissionToken,
    submit: true,
    permission: 'create:witnessed-evidence:assessed',
  });
}
