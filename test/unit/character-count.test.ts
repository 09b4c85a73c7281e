// Text limits shown under their fields: taken from the form schemas, in the GOV.UK character count's words.
import { getZodConstraint } from '@conform-to/zod';
import { expect } from 'chai';
import { EvidenceSchema } from '#app/components/evidence-schema.ts';
import { PersonSchema } from '#app/components/person-form.tsx';
import { PolicySchema } from '#app/components/policy-schema.ts';
import { RoleProfileSchema } from '#app/components/role-profile-schema.ts';
import { characterCountMessage } from '#app/components/ui/character-count.tsx';
import { ActionSchema, AgreementSchema } from '#app/domain/supervision/forms.ts';

describe('character counts', () => {
  it('say the limit without JavaScript, then what is left or how many too many', () => {
    expect(characterCountMessage(20_000, null)).to.equal('You can enter up to 20,000 characters');
    expect(characterCountMessage(200, 0)).to.equal('You have 200 characters remaining');
    expect(characterCountMessage(200, 199)).to.equal('You have 1 character remaining');
    expect(characterCountMessage(200, 201)).to.equal('You have 1 character too many');
    expect(characterCountMessage(200, 1_450)).to.equal('You have 1,250 characters too many');
  });

  it('take each limit from the schema the server checks, wrapped or not', () => {
    const limit = (schema: Parameters<typeof getZodConstraint>[0], name: string) => getZodConstraint(schema)[name]?.maxLength;
    expect(limit(EvidenceSchema, 'title')).to.equal(200);
    expect(limit(EvidenceSchema, 'description')).to.equal(20_000);
    expect(limit(EvidenceSchema, 'witnessStatement')).to.equal(20_000);
    expect(limit(PersonSchema, 'jobTitle')).to.equal(200);
    expect(limit(PolicySchema, 'version')).to.equal(40);
    expect(limit(RoleProfileSchema, 'description')).to.equal(2_000);
    expect(limit(AgreementSchema, 'place')).to.equal(200);
    expect(limit(ActionSchema, 'description')).to.be.a('number');
  });
});
