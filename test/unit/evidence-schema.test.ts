// The evidence form reports every problem at once, including the date, as GOV.UK forms should.
import { parseWithZod } from '@conform-to/zod';
import { expect } from 'chai';
import { EvidenceSchema } from '#app/components/evidence-schema.ts';

function submit(fields: Record<string, string | string[]>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) formData.append(name, one);
  return parseWithZod(formData, { schema: EvidenceSchema });
}

function errorsOf(fields: Record<string, string | string[]>): Record<string, string[] | null> | undefined {
  const result = submit(fields);
  return result.status === 'error' ? (result.error ?? undefined) : undefined;
}

const valid = {
  submissionToken: '2b7c8d1e-aaaa-bbbb-cccc-1234567890ab',
  type: 'observation',
  title: 'Explaining the complaints procedure',
  'activityDate.day': '20',
  'activityDate.month': '11',
  'activityDate.year': '2026',
  description: 'I explained how to complain.',
  item: ['12', '40'],
};

describe('evidence form schema', () => {
  it('turns the date boxes into a date and the ticked items into numbers', () => {
    const result = submit(valid);
    expect(result.status).to.equal('success');
    if (result.status !== 'success') return;
    expect(result.value.activityDate).to.equal('2026-11-20');
    expect(result.value.item).to.deep.equal([12, 40]);
    expect(result.value.intent).to.equal('save');
  });

  it('reports an empty title and a future date together', () => {
    expect(errorsOf({ ...valid, title: '', 'activityDate.year': '2099' })).to.deep.include({
      title: ['Enter a title'],
      activityDate: ['The date of the activity must be today or in the past'],
    });
  });

  it('says which part of the date is missing, and refuses impossible dates', () => {
    expect(errorsOf({ ...valid, 'activityDate.month': '' })?.activityDate).to.deep.equal(['The date of the activity must include a month']);
    expect(errorsOf({ ...valid, 'activityDate.day': '31', 'activityDate.month': '2' })?.activityDate?.[0]).to.match(/must be a real date/);
  });
});
