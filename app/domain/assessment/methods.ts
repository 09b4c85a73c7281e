// The ways an assessor can judge an item, as awarding bodies name them.
export const ASSESSMENT_METHODS = [
  'direct_observation',
  'professional_discussion',
  'questioning',
  'examination_of_work_product',
  'witness_testimony',
  'reflective_account',
  'recognition_of_prior_learning',
] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

export const ASSESSMENT_METHOD_LABELS: Record<AssessmentMethod, string> = {
  direct_observation: 'Direct observation',
  professional_discussion: 'Professional discussion',
  questioning: 'Questioning',
  examination_of_work_product: 'Examination of work product',
  witness_testimony: 'Witness testimony',
  reflective_account: 'Reflective account',
  recognition_of_prior_learning: 'Recognition of prior learning',
};

export const DECISION_OUTCOME_LABELS: Record<'met' | 'not_yet_met', string> = { met: 'Met', not_yet_met: 'Not yet met' };
