// The judging forms' schema, shared by the browser and the server: per item an outcome (or not judged now), the
// method and feedback, on one piece of evidence or (holistic) on several chosen pieces.
import { z } from 'zod';
import { ASSESSMENT_METHODS, type AssessmentMethod } from '#app/domain/assessment/methods.ts';
import { TEXT_COLUMN_BYTES, textUpTo } from '#app/utils/text-limits.ts';

/** Field names of a judgement's inputs, shared by the forms and the errors the domain reports beside each field. */
export const judgementField = (itemId: number, part: 'outcome' | 'method' | 'feedback') => `item-${itemId}-${part}`;

export const NOT_JUDGED = 'none';
export const FEEDBACK_LIMIT = 5000;

type Parsed = Record<string, unknown> & { workerId: number; submissionKey: string; evidenceId: number[]; answersReviewId?: number };

/** The schema for a form judging these items; `holistic` adds the evidence checkboxes (`evidenceId`). */
export function judgingSchema(itemIds: number[], holistic = false) {
  const items = itemIds.map((id) => ({ id }));
  const shape: Record<string, z.ZodTypeAny> = {
    // The worker whose evidence it is: the domain refuses evidence that is not theirs.
    workerId: z.coerce.number().int().positive().max(2_147_483_647),
    submissionKey: z.string().regex(/^[\w-]{8,64}$/, 'Reload the page and try again'),
    // The IQA challenge the decision answers (from the assessor's home page); the domain checks it is theirs.
    answersReviewId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    evidenceId: holistic
      ? z.array(z.coerce.number().int().positive()).min(1, 'Choose the evidence the decision rests on').default([])
      : z.array(z.coerce.number().int().positive()).default([]),
  };
  for (const item of items) {
    shape[judgementField(item.id, 'outcome')] = z.enum(['met', 'not_yet_met', NOT_JUDGED]).default(NOT_JUDGED);
    shape[judgementField(item.id, 'method')] = z.enum(ASSESSMENT_METHODS, { errorMap: () => ({ message: 'Select how you assessed it' }) }).optional();
    shape[judgementField(item.id, 'feedback')] = textUpTo('Feedback', FEEDBACK_LIMIT, { bytes: TEXT_COLUMN_BYTES }).optional();
  }
  return z.object(shape).superRefine((value, context) => {
    const judged = items.filter((item) => value[judgementField(item.id, 'outcome')] !== NOT_JUDGED);
    if (!judged.length) context.addIssue({ code: 'custom', path: [judgementField(items[0]?.id ?? 0, 'outcome')], message: holistic ? 'Select met or not yet met' : 'Judge at least one item: select met or not yet met' });
    for (const item of judged) {
      if (!value[judgementField(item.id, 'method')]) context.addIssue({ code: 'custom', path: [judgementField(item.id, 'method')], message: 'Select how you assessed it' });
    }
  }) as unknown as z.ZodType<Parsed>;
}

/** The judgements a parsed form holds: the items given an outcome. */
export function judgementsFrom(value: Record<string, unknown>, items: { id: number }[]) {
  return items.flatMap((item) => {
    const outcome = value[judgementField(item.id, 'outcome')];
    if (outcome !== 'met' && outcome !== 'not_yet_met') return [];
    return [{
      itemId: item.id,
      outcome: outcome as 'met' | 'not_yet_met',
      method: value[judgementField(item.id, 'method')] as AssessmentMethod,
      feedback: String(value[judgementField(item.id, 'feedback')] ?? ''),
    }];
  });
}

/** The items a submitted form judges, from its field names: the server builds the same schema the page did. */
export function itemIdsIn(formData: FormData): number[] {
  return [...new Set([...formData.keys()].flatMap((key) => {
    const match = /^item-(\d{1,10})-outcome$/.exec(key);
    return match ? [Number(match[1])] : [];
  }))];
}
