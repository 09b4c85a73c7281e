// A worker with something in every part of a portfolio: ASTH325 and HSC3331, submitted evidence with a PDF and a PNG,
// an assessor's decisions (one countersigned), a draft that must never be printed, evidence text that tries to be
// markup, a signed supervision agreement with a held session and actions, a PDP and an acknowledged policy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordEvidence } from '#app/domain/evidence.server.ts';
import { acknowledgePolicy, addPolicy } from '#app/domain/policies.server.ts';
import { addAction, startRecord } from '#app/domain/supervision/records.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { DevelopmentGoal, DevelopmentOpportunity, DevelopmentPlan } from '#db/models/index.ts';
import { simplePdf } from '#db/seed/evidence.ts';
import { createAssessor, judge, judgement } from './assessment.ts';
import { evidenceInput } from './evidence.ts';
import { createStaffedOrganisation, unique } from './people.ts';
import { giveStandard } from './standards.ts';
import { RECORD_INPUT, heldSession, signedAgreement } from './supervision.ts';

const PNG = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../db/seed/documents/call-notes.png');

/** Text that would be markup if a template ever inserted it unescaped; `port` is a local server that must see no request. */
export function hostileText(port: number): string {
  return `<script>document.title='pwned'</script> <img src=http://127.0.0.1:${port}/x> & "quotes" <b>bold</b>`;
}

export async function portfolioWorker(options: { hostilePort?: number } = {}) {
  const org = await createStaffedOrganisation();
  const { admin, worker, supervisor, manager } = org;
  const asth = await giveStandard(admin, 'ASTH325', [worker]);
  const hsc = await giveStandard(admin, 'HSC3331', [worker]);
  const assessor = await createAssessor(admin, [worker]);
  const ctx = contextFor(worker);
  const item = (items: typeof asth.items, code: string) => items.find((candidate) => candidate.code === code)!;

  const pdfText = `Appendix proof ${unique('pdf')}`;
  const withFiles = await recordEvidence(
    ctx,
    evidenceInput([item(asth.items, 'P1').id, item(asth.items, 'K1').id, item(hsc.items, 'P1').id], {
      type: 'reflective_account',
      title: 'Agreeing how often I contact Mr D',
      description: options.hostilePort ? hostileText(options.hostilePort) : 'I agreed a contact plan with Mr D.',
    }),
    [
      { name: 'Reflective account.pdf', bytes: simplePdf([pdfText, 'Second line of the evidence file']) },
      { name: 'Call notes.png', bytes: new Uint8Array(readFileSync(PNG)) },
    ],
    { submissionToken: unique('token'), submit: true },
  );
  const observation = await recordEvidence(
    ctx,
    evidenceInput([item(asth.items, 'P2').id, item(hsc.items, 'K1').id], {
      type: 'witness_testimony',
      title: 'Calming a distressed caller',
      witnessName: 'David Price',
      witnessRole: 'Team Leader',
      witnessStatement: 'I heard the worker stay calm.',
    }),
    [],
    { submissionToken: unique('token'), submit: true },
  );
  const draftTitle = `Unfinished draft ${unique('draft')}`;
  await recordEvidence(ctx, evidenceInput([item(asth.items, 'P3').id], { title: draftTitle, description: 'Not ready for anyone to read' }), [], {
    submissionToken: unique('token'),
    submit: false,
  });

  await judge(assessor, worker.id, [withFiles], [
    judgement(item(asth.items, 'P1').id, 'met', { method: 'reflective_account' }),
    judgement(item(asth.items, 'K1').id, 'not_yet_met', { method: 'questioning', feedback: 'Say which procedure applies.' }),
  ]);
  await judge(assessor, worker.id, [observation], [judgement(item(asth.items, 'P2').id, 'met', { method: 'witness_testimony' })]);

  const agreementId = await signedAgreement(supervisor, worker);
  const session = await heldSession(supervisor, worker, 3, { agreementId });
  const recordId = await startRecord(contextFor(supervisor, { ipAddress: 'ip' }), session.id, RECORD_INPUT);
  await addAction(contextFor(supervisor, { ipAddress: 'ip' }), recordId, { description: 'Book the safeguarding refresher', ownerId: worker.id, dueOn: '2099-01-31' });

  const plan = await DevelopmentPlan.create({ organisationId: worker.organisationId, workerId: worker.id, strengths: 'Calm on difficult calls.' });
  const goal = await DevelopmentGoal.create({
    organisationId: worker.organisationId,
    planId: plan.id,
    description: 'Know the procedures for reporting boundary breaches',
    standardId: null,
    section: null,
    standardItemId: item(asth.items, 'K1').id,
    targetDate: '2027-02-26',
    status: 'open',
  });
  await DevelopmentOpportunity.create({
    organisationId: worker.organisationId,
    planId: plan.id,
    goalId: goal.id,
    activityId: null,
    supervisionRecordId: null,
    kind: 'shadowing',
    description: 'Shadow a senior worker on the duty desk',
    targetDate: '2099-03-01',
    status: 'planned',
    outcome: '',
    completedOn: null,
  });

  const policyId = await addPolicy(contextFor(admin, { ipAddress: 'ip' }), {
    title: unique('Customer care policy'),
    version: '1.0',
    adoptedOn: '2026-01-01',
    nextReviewOn: '2099-01-01',
    body: 'Treat every customer with respect.',
  });
  await acknowledgePolicy(contextFor(worker, { ipAddress: 'ip' }), policyId);

  return { ...org, assessor, manager, asth, hsc, pdfText, draftTitle, evidenceIds: [withFiles, observation] };
}
