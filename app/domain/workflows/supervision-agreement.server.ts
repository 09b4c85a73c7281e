// A written supervision agreement: a draft, signed by one party, then by both, when it becomes the current one; a
// newer version supersedes it. "Signed by one" is not stored: it is a draft with one signature (see agreementStage).
import { AGREEMENT_STATUS, PARTY, type AgreementStatus, type Party } from '../supervision/statuses.ts';
import { defineWorkflow, statusesAllowing } from './workflow.server.ts';

export { AGREEMENT_STATUS, type AgreementStatus };

export const AGREEMENT_STAGE = { draft: 'draft', signedByOne: 'signed_by_one', current: 'current', superseded: 'superseded' } as const;
export type AgreementStage = (typeof AGREEMENT_STAGE)[keyof typeof AGREEMENT_STAGE];

/** `redraft`: a newer draft replaces an unfinished one; `replace`: a newer version became current. */
export const AGREEMENT_ACTIONS = { sign: 'sign', redraft: 'redraft', replace: 'replace' } as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[keyof typeof AGREEMENT_ACTIONS];

export const AGREEMENT_WORKFLOW = defineWorkflow<AgreementStage, AgreementAction>({
  name: 'supervision agreement',
  transitions: {
    draft: { sign: 'signed_by_one', redraft: 'superseded' },
    signed_by_one: { sign: 'current', redraft: 'superseded' },
    current: { replace: 'superseded' },
    superseded: {},
  },
  refusal: (_from, action) => ({ message: action === 'sign' ? 'Only a draft agreement can be signed' : 'Only an unsigned draft or the current agreement can be superseded' }),
});

/** The stage of an agreement from its stored status and the parties who have signed it. */
export function agreementStage(status: AgreementStatus, signedBy: readonly Party[]): AgreementStage {
  if (status === AGREEMENT_STATUS.active) return AGREEMENT_STAGE.current;
  if (status === AGREEMENT_STATUS.superseded) return AGREEMENT_STAGE.superseded;
  return signedBy.length ? AGREEMENT_STAGE.signedByOne : AGREEMENT_STAGE.draft;
}

/** The status stored for a stage: both draft stages are `draft` rows. */
export function storedStatus(stage: AgreementStage): AgreementStatus {
  return stage === AGREEMENT_STAGE.current ? AGREEMENT_STATUS.active
    : stage === AGREEMENT_STAGE.superseded ? AGREEMENT_STATUS.superseded
    : AGREEMENT_STATUS.draft;
}

/** The stored statuses `action` applies to, for superseding rows in one update. */
export function storedStatusesAllowing(action: AgreementAction): AgreementStatus[] {
  return [...new Set(statusesAllowing(AGREEMENT_WORKFLOW, action).map(storedStatus))];
}

/** The parties who still have to sign a draft, in the order the page names them. */
export function awaitingSignature(signedBy: readonly Party[]): Party[] {
  return [PARTY.worker, PARTY.supervisor].filter((party) => !signedBy.includes(party));
}
