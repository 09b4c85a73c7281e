// The standard page's rules form on the real database: item codes checked against the standard, the rules read back.
import { expect } from 'chai';
import { setStandardRules, standardRules } from '#app/domain/assessment/rules.server.ts';
import { ValidationError } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { createStaffedOrganisation, giveStandard } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

describe('assessment rules form', function () {
  this.timeout(30_000);

  it('names unknown item codes beside the field and saves known ones', async () => {
    const org = await createStaffedOrganisation();
    const { items } = await giveStandard(org.admin, 'ASTH325', []);
    const { standardId } = await standardRules(org.worker, 'ASTH325');
    const error = await expectRejection(
      setStandardRules(contextFor(org.admin), standardId, { minimumEvidence: 2, observation: 'chosen', observationCodes: [items[0]!.code, 'P99'] }),
      ValidationError,
    );
    expect(error.fieldErrors.observationCodes![0]).to.equal('P99 is not an item of this standard: use the codes listed under Items');
    await expectRejection(setStandardRules(contextFor(org.admin), standardId, { minimumEvidence: 0, observation: 'none', observationCodes: [] }), ValidationError);
    await setStandardRules(contextFor(org.admin), standardId, { minimumEvidence: 2, observation: 'chosen', observationCodes: [items[0]!.code.toLowerCase()] });
    expect(await standardRules(org.worker, 'ASTH325')).to.deep.equal({ standardId, minimumEvidence: 2, observation: 'chosen', observationCodes: [items[0]!.code] });
  });
});
