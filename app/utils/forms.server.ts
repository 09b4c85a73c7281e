// The one way a form is handled: check CSRF, parse with the form's zod schema, call the domain, reply.
import { parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import { z } from 'zod';
import { readForm } from './auth.server.ts';
import { InvalidTransition, ValidationError } from './errors.server.ts';
import { uploadProblems } from './multipart.server.ts';

/** A database id sent in a form or an address: a positive whole number that fits an INTEGER column. */
export const formId = () => z.coerce.number().int().positive().max(2_147_483_647);

/**
 * Parses fields that a person does not type (hidden ids, intents) and so need no message beside a field: a value
 * that does not fit is a malformed request, answered 400.
 */
export function parseFields<Schema extends z.ZodTypeAny>(schema: Schema, formData: FormData): z.output<Schema> {
  const result = schema.safeParse(Object.fromEntries(formData));
  if (!result.success) throw new Response('The form could not be read: a hidden field has a value it cannot have.', { status: 400 });
  return result.data;
}

type Options = { hideFields?: string[] };

/**
 * Takes the request (or its already CSRF-checked form) and runs `handle` with the parsed value. A schema failure or a domain ValidationError comes back to the
 * form with status 400 and what was typed (less hidden fields such as passwords), and nothing is written; a refused
 * transition that names a field comes back the same way with status 409.
 */
export async function submitForm<Schema extends z.ZodTypeAny, Result>(
  input: Request | FormData,
  schema: Schema,
  handle: (value: z.output<Schema>, formData: FormData) => Promise<Result>,
  options: Options = {},
) {
  const formData = input instanceof FormData ? input : await readForm(input);
  const submission = parseWithZod(formData, { schema });
  // Files refused while they streamed in (too large, too many) are reported beside their field like any other error.
  const refusedFiles = uploadProblems(formData);
  if (submission.status !== 'success' || Object.keys(refusedFiles).length) {
    return data(submission.reply({ hideFields: options.hideFields, fieldErrors: refusedFiles }), { status: 400 });
  }
  try {
    return await handle(submission.value, formData);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // A refused transition that names no field is not the form's to show: the adapter answers it 409.
    const refused = error instanceof InvalidTransition;
    if (refused && !Object.keys(error.fieldErrors).length) throw error;
    return data(submission.reply({ fieldErrors: error.fieldErrors, hideFields: options.hideFields }), { status: refused ? 409 : 400 });
  }
}
