// The portal's forms without a schema in the browser: Conform fields, CSRF token, error summary and server replies,
// working without JavaScript. A page whose form the server alone validates (sign-in) loads no zod at all;
// form.tsx adds validation in the browser from a zod schema for every other form.
import { getFormProps, useForm, type FormMetadata, type SubmissionResult } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { createContext, type ReactNode } from 'react';
import { CsrfInput } from '../csrf-input.tsx';
import { ErrorSummary } from './error-summary.tsx';

/** Changes identity with each reply from the server, so fields can react to a rejected submission. */
export const ServerReplyContext = createContext<unknown>(undefined);

type Shape = Record<string, unknown>;
type Validation<FormShape extends Shape> = Pick<Parameters<typeof useForm<FormShape>>[0], 'constraint' | 'onValidate'>;

// Conform's form object is a proxy that cannot carry extra properties, so its latest server reply is kept beside it.
const serverReplies = new WeakMap<object, unknown>();

export function useServerForm<FormShape extends Shape>(
  id: string,
  lastResult: SubmissionResult<string[]> | null | undefined,
  options: Validation<FormShape> & { defaultValue?: Record<string, unknown> | undefined } = {},
) {
  const [form, fields] = useForm<FormShape>({
    id,
    lastResult,
    defaultValue: options.defaultValue as never,
    constraint: options.constraint,
    // Errors change only when the form is sent again (as the GOV.UK pattern asks): revalidating on blur took the error
    // summary and messages away between a click's press and release, so the page moved under the pointer and the
    // click landed on nothing (the second evidence checkbox of a holistic judgement, for one).
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onSubmit',
    onValidate: options.onValidate,
  });
  serverReplies.set(form, lastResult);
  return [form, fields] as const;
}

export function SchemaForm<FormShape extends Shape>({
  form,
  fields,
  children,
  action,
  encType,
  reloadDocument,
  errorTargets = {},
}: {
  form: FormMetadata<FormShape, string[]>;
  fields: ReturnType<typeof useForm<FormShape>>[1];
  children: ReactNode;
  action?: string;
  encType?: 'multipart/form-data';
  /** Sent by the browser itself rather than fetched: for a form whose answer is a file to download. */
  reloadDocument?: boolean;
  /** Where the error summary should link for errors not named after one input (a date's first box, say). */
  errorTargets?: Record<string, string>;
}) {
  const fieldMap = fields as Record<string, { id: string } | undefined>;
  const errors = Object.entries(form.allErrors).flatMap(([name, messages]) =>
    messages.slice(0, 1).map((message) => ({ fieldId: errorTargets[name] ?? fieldMap[name]?.id ?? form.id, message })),
  );
  return (
    <Form method="post" action={action} encType={encType} reloadDocument={reloadDocument} {...getFormProps(form)} noValidate>
      <ErrorSummary errors={errors} />
      <CsrfInput />
      <ServerReplyContext.Provider value={serverReplies.get(form)}>{children}</ServerReplyContext.Provider>
    </Form>
  );
}
