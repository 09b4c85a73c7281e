// The one way a form is handled: check CSRF, parse with the form's zod schema, call the domain, reply.
import { parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import type { z } from 'zod';
import { readForm } from './auth.server.ts';
import { ValidationError } from './errors.server.ts';

type Options = { hideFields?: string[] };

/**
 * Takes the request (or its already CSRF-checked form) and runs `handle` with the parsed value. A schema failure or a domain ValidationError comes back to the
 * form with status 400 and what was typed (less hidden fields such as passwords), and nothing is written.
 */
export async function submitForm<Schema extends z.ZodTypeAny, Result>(
  input: Request | FormData,
  schema: Schema,
  handle: (value: z.output<Schema>, formData: FormData) => Promise<Result>,
  options: Options = {},
) {
  const formData = input instanceof FormData ? input : await readForm(input);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: options.hideFields }), { status: 400 });
  }
  try {
    return await handle(submission.value, formData);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return data(submission.reply({ fieldErrors: error.fieldErrors, hideFields: options.hideFields }), { status: 400 });
  }
}
