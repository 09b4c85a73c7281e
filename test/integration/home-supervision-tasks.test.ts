// The supervised person's home page lists each supervision task waiting for them, linked to where it is done.
import { expect } from 'chai';
import { draftAgreement, signAgreement } from '#app/domain/supervision/agreements.server.ts';
import { workerSupervisionItems } from '#app/domain/supervision/attention.server.ts';
import { shareRecord } from '#app/domain/supervision/records.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { agreementInput, createStaffedOrganisation, recordedSession } from '#test/factories/index.ts';

describe('home page supervision tasks', () => {
  it('links an agreement to sign to the worker’s supervision page, until they have signed it', async () => {
    const org = await createStaffedOrganisation();
    const agreementId = await draftAgreement(contextFor(org.supervisor), org.worker.id, agreementInput());
    const before = await workerSupervisionItems(org.worker);
    expect(before).to.deep.include({ text: 'Version 1 of your supervision agreement is waiting for your signature.', href: `/supervision/workers/${org.worker.id}` });
    await signAgreement(contextFor(org.worker), agreementId);
    expect((await workerSupervisionItems(org.worker)).map((item) => item.text).join(' ')).not.to.include('waiting for your signature');
  });

  it('links each record to agree to the record itself', async () => {
    const org = await createStaffedOrganisation();
    const { session, recordId } = await recordedSession(org.supervisor, org.worker, 3);
    await shareRecord(contextFor(org.supervisor), recordId);
    const items = await workerSupervisionItems(org.worker);
    expect(items).to.deep.include({ text: 'A supervision record is waiting for your comments and agreement.', href: `/supervision/sessions/${session.id}` });
  });
});
