// The kinds and states of evidence, shared by forms, pages and the server.
export const EVIDENCE_TYPES = [
  'observation',
  'witness_testimony',
  'reflective_account',
  'work_product',
  'certificate',
  'professional_discussion',
  'other',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const EVIDENCE_TYPE_LABELS: Record<EvidenceType, string> = {
  observation: 'Observation',
  witness_testimony: 'Witness testimony',
  reflective_account: 'Reflective account',
  work_product: 'Work product',
  certificate: 'Certificate',
  professional_discussion: 'Professional discussion',
  other: 'Other',
};

/**
 * A draft is the worker's to change; once submitted, a change makes a new revision. Evidence stays submitted when it is
 * judged: a decision rests on a revision, so the worker may still revise it.
 */
export const EVIDENCE_STATUS = { draft: 'draft', submitted: 'submitted' } as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUS)[keyof typeof EVIDENCE_STATUS];

/** Where an item stands for a worker, from nothing to met. */
export const ITEM_STATES = ['none', 'mapped', 'submitted', 'met', 'not_yet_met'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  none: 'Nothing yet',
  mapped: 'Evidence mapped',
  submitted: 'Submitted',
  met: 'Met',
  not_yet_met: 'Not yet met',
};
