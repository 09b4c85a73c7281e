// Evidence: the worker's draft, submitted for assessment; a change to submitted evidence is a new revision.
import { EVIDENCE_STATUS, type EvidenceStatus } from '../evidence-types.ts';
import { defineWorkflow } from './workflow.server.ts';

export { EVIDENCE_STATUS, type EvidenceStatus };

export const EVIDENCE_ACTIONS = { change: 'change', submit: 'submit' } as const;
export type EvidenceAction = (typeof EVIDENCE_ACTIONS)[keyof typeof EVIDENCE_ACTIONS];

/**
 * `change` on a draft rewrites it in place; on submitted evidence it appends a revision and the status stays, so a
 * decision keeps pointing at the revision it judged.
 */
export const EVIDENCE_WORKFLOW = defineWorkflow<EvidenceStatus, EvidenceAction>({
  name: 'evidence',
  transitions: {
    draft: { change: 'draft', submit: 'submitted' },
    submitted: { change: 'submitted' },
  },
  refusal: (from, action) =>
    action === 'submit' ? { message: 'This evidence has already been submitted' }
    : { message: `Evidence that is ${from} cannot be changed` },
});
