// Every text field's limit fits its column on SQLite and MariaDB, and one character over is refused next to the field.
import { expect } from 'chai';
import type { z } from 'zod';
import { EvidenceSchema, ItemNoteSchema } from '#app/components/evidence-schema.ts';
import { LocationSchema, TeamSchema } from '#app/components/organisation-schema.ts';
import { PersonSchema } from '#app/components/person-form.tsx';
import { POLICY_BODY_CHARACTERS, PolicySchema, PolicyVersionSchema } from '#app/components/policy-schema.ts';
import { RoleProfileSchema } from '#app/components/role-profile-schema.ts';
import { ItemTextSchema, SourceNameSchema, StoredStandardSchema } from '#app/domain/standards/stored-limits.ts';
import { ActionSchema, AddendumSchema, AgreeSchema, AgreementSchema, CancelSchema, DebriefSchema, RecordSchema, SessionSchema } from '#app/domain/supervision/forms.ts';
import { TEXT_COLUMN_BYTES, textUpTo, utf8Bytes } from '#app/utils/text-limits.ts';

const date = { day: '14', month: '1', year: '2026' };
const evidence = { submissionToken: 'token-123456', type: 'observation', title: 'T', activityDate: date, description: 'D' };
const policy = { title: 'T', version: '1', adoptedOn: date, nextReviewOn: { day: '14', month: '1', year: '2030' }, body: 'B' };
const agreement = {
  intent: 'draft', frequencyWeeks: 4, durationMinutes: 60, sessionTime: '10:00', startsOn: date, place: 'P',
  confidentiality: 'C', scope: 'S', recordKeeping: 'R', agreeWithinDays: 14, reviewOn: { day: '14', month: '1', year: '2027' },
};
const record = { intent: 'record', attendance: 'A', discussion: 'D', wellbeing: 'W', workload: 'W', practiceIssues: 'P', learning: 'L' };
const standard = { urn: 'ABC1', title: 'T', version: '1', overview: null, items: [{ code: 'P1', section: 'S', text: 'X' }] };

/** [schema, a valid value, the field, its limit in characters, the message for one over]. */
const FIELDS: [z.ZodTypeAny, Record<string, unknown>, string, number, string][] = [
  [EvidenceSchema, evidence, 'title', 200, 'Title must be 200 characters or fewer'],
  [EvidenceSchema, evidence, 'description', 20_000, 'The description must be 20,000 characters or fewer'],
  [EvidenceSchema, evidence, 'witnessName', 200, 'The witness’s name must be 200 characters or fewer'],
  [EvidenceSchema, evidence, 'witnessRole', 200, 'The witness’s role must be 200 characters or fewer'],
  [EvidenceSchema, evidence, 'witnessStatement', 20_000, 'The witness statement must be 20,000 characters or fewer'],
  [PersonSchema, { name: 'N', email: 'n@example.org' }, 'name', 200, 'Full name must be 200 characters or fewer'],
  [PersonSchema, { name: 'N', email: 'n@example.org' }, 'jobTitle', 200, 'Job title must be 200 characters or fewer'],
  [LocationSchema, { intent: 'add-location', name: 'N' }, 'name', 200, 'The location name must be 200 characters or fewer'],
  [LocationSchema, { intent: 'add-location', name: 'N' }, 'address', 500, 'The address must be 500 characters or fewer'],
  [TeamSchema, { intent: 'add-team', name: 'N' }, 'name', 200, 'The team name must be 200 characters or fewer'],
  [PolicySchema, policy, 'title', 200, 'The title must be 200 characters or fewer'],
  [PolicySchema, policy, 'version', 40, 'The version must be 40 characters or fewer'],
  [PolicySchema, policy, 'body', POLICY_BODY_CHARACTERS, 'The policy text must be 100,000 characters or fewer'],
  [PolicyVersionSchema, { ...policy, intent: 'add-version' }, 'body', POLICY_BODY_CHARACTERS, 'The policy text must be 100,000 characters or fewer'],
  [RoleProfileSchema, { name: 'N', supervisionFrequencyWeeks: 4, targetMonths: 12 }, 'name', 200, 'The role name must be 200 characters or fewer'],
  [RoleProfileSchema, { name: 'N', supervisionFrequencyWeeks: 4, targetMonths: 12 }, 'description', 2000, 'The description must be 2,000 characters or fewer'],
  [AgreementSchema, agreement, 'place', 200, 'The place or format must be 200 characters or fewer'],
  [AgreementSchema, agreement, 'confidentiality', 5000, 'Confidentiality and its limits must be 5,000 characters or fewer'],
  [AgreementSchema, agreement, 'scope', 5000, 'What supervision covers must be 5,000 characters or fewer'],
  [AgreementSchema, agreement, 'recordKeeping', 5000, 'How records are kept must be 5,000 characters or fewer'],
  [SessionSchema, { intent: 'session', type: 'regular', date, startTime: '10:00', endTime: '11:00' }, 'place', 200, 'The place must be 200 characters or fewer'],
  [CancelSchema, { intent: 'cancel', reason: 'R' }, 'reason', 1000, 'Why the session is cancelled must be 1,000 characters or fewer'],
  [RecordSchema, record, 'attendance', 1000, 'Who attended must be 1,000 characters or fewer'],
  [RecordSchema, record, 'discussion', 5000, 'The discussion must be 5,000 characters or fewer'],
  [RecordSchema, record, 'learning', 5000, 'Learning and PDP review must be 5,000 characters or fewer'],
  [AgreeSchema, { intent: 'agree' }, 'comments', 5000, 'Your comments must be 5,000 characters or fewer'],
  [AddendumSchema, { intent: 'addendum', text: 'T' }, 'text', 5000, 'The addendum must be 5,000 characters or fewer'],
  [ActionSchema, { intent: 'action', description: 'D', ownerId: 1, dueOn: date }, 'description', 1000, 'What is to be done must be 1,000 characters or fewer'],
  [DebriefSchema, { intent: 'debrief', reason: 'R' }, 'reason', 2000, 'What you need to debrief about must be 2,000 characters or fewer'],
  [StoredStandardSchema, standard, 'urn', 40, 'The URN must be 40 characters or fewer'],
  [StoredStandardSchema, standard, 'title', 300, 'The title must be 300 characters or fewer'],
  [StoredStandardSchema, standard, 'version', 40, 'The version must be 40 characters or fewer'],
  [StoredStandardSchema, standard, 'overview', 20_000, 'The overview must be 20,000 characters or fewer'],
];

function messagesFor(schema: z.ZodTypeAny, value: unknown, field: string): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === field).map((issue) => issue.message);
}

describe('text limits', () => {
  for (const [schema, valid, field, limit, message] of FIELDS) {
    it(`${field}: accepts ${limit} characters and refuses ${limit + 1} with “${message}”`, () => {
      // € is one character and three bytes, the most a character takes per UTF-16 unit.
      expect(messagesFor(schema, { ...valid, [field]: '€'.repeat(limit) }, field)).to.deep.equal([]);
      expect(messagesFor(schema, { ...valid, [field]: '€'.repeat(limit + 1) }, field)).to.deep.equal([message]);
    });
  }

  it('an item note must be 2,000 characters or fewer, and is required', () => {
    expect(ItemNoteSchema.safeParse('€'.repeat(2000)).success).to.equal(true);
    expect(ItemNoteSchema.safeParse('n'.repeat(2001)).error?.issues.map((issue) => issue.message)).to.deep.equal(['Note must be 2,000 characters or fewer']);
    expect(ItemNoteSchema.safeParse('  ').error?.issues.map((issue) => issue.message)).to.deep.equal(['Say how this evidence shows the item']);
  });

  it('an imported item’s text, its code and section, and a corrected item fit their columns', () => {
    const item = (fields: object) => ({ ...standard, items: [{ ...standard.items[0], ...fields }] });
    expect(StoredStandardSchema.safeParse(item({ text: '€'.repeat(5000), section: '€'.repeat(300) })).success).to.equal(true);
    expect(StoredStandardSchema.safeParse(item({ section: 's'.repeat(301) })).error?.issues[0]?.message).to.equal('The section heading must be 300 characters or fewer');
    expect(ItemTextSchema.safeParse('t'.repeat(5001)).error?.issues[0]?.message).to.equal('The item text must be 5,000 characters or fewer');
    expect(SourceNameSchema.parse('f'.repeat(300))).to.have.length(255);
    expect(SourceNameSchema.parse('')).to.equal(null);
  });

  it('a TEXT field allowed more characters than its bytes can hold is refused by size too', () => {
    const long = textUpTo('The account', 30_000, { bytes: TEXT_COLUMN_BYTES });
    expect(long.safeParse('a'.repeat(30_000)).success).to.equal(true);
    const wide = '€'.repeat(21_846);
    expect(utf8Bytes(wide)).to.be.above(TEXT_COLUMN_BYTES);
    expect(long.safeParse(wide).error?.issues[0]?.message).to.equal('The account is too long to save: shorten it (accented letters and symbols take more room)');
  });
});
