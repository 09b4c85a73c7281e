// A GOV.UK-styled Remix form driven by Conform and validated in the browser by the same zod schema the server uses.
import type { SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import type { z } from 'zod';
import { useServerForm } from './form-core.tsx';

export { SchemaForm, ServerReplyContext } from './form-core.tsx';

export function useSchemaForm<Schema extends z.ZodTypeAny>(
  id: string,
  schema: Schema,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaultValue?: Record<string, unknown>,
) {
  return useServerForm<z.input<Schema>>(id, lastResult, {
    defaultValue,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}
