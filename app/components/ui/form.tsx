// A GOV.UK-styled Remix form driven by Conform: CSRF token, error summary, server replies, works without JS.
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { createContext, type ReactNode } from 'react';
import type { z } from 'zod';
import { CsrfInput } from '../csrf-input.tsx';
import { ErrorSummary } from './error-summary.tsx';

/** Changes identity with each reply from the server, so fields can react to a rejected submission. */
export const ServerReplyContext = createContext<unknown>(undefined);

type Fields<Schema extends z.ZodTypeAny> = ReturnType<typeof useForm<z.input<Schema>>>[1];

export function useSchemaForm<Schema extends z.ZodTypeAny>(
  id: string,
  schema: Schema,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaultValue?: Record<string, unknown>,
) {
  const [form, fields] = useForm<z.input<Schema>>({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  serverReplies.set(form, lastResult);
  return [form, fields] as const;
}

// Conform's form object is a proxy that cannot carry extra properties, so its latest server reply is kept beside it.
const serverReplies = new WeakMap<object, unknown>();

export function SchemaForm<Schema extends z.ZodTypeAny>({
  form,
  fields,
  children,
  action,
  encType,
  errorTargets = {},
}: {
  form: ReturnType<typeof useSchemaForm<Schema>>[0];
  fields: Fields<Schema>;
  children: ReactNode;
  action?: string;
  encType?: 'multipart/form-data';
  /** Where the error summary should link for errors not named after one input (a date's first box, say). */
  errorTargets?: Record<string, string>;
}) {
  const fieldMap = fields as Record<string, { id: string } | undefined>;
  const errors = Object.entries(form.allErrors).flatMap(([name, messages]) =>
    messages.slice(0, 1).map((message) => ({ fieldId: errorTargets[name] ?? fieldMap[name]?.id ?? form.id, message })),
  );
  return (
    <Form method="post" action={action} encType={encType} {...getFormProps(form)} noValidate>
      <ErrorSummary errors={errors} />
      <CsrfInput />
      <ServerReplyContext.Provider value={serverReplies.get(form)}>{children}</ServerReplyContext.Provider>
    </Form>
  );
}
