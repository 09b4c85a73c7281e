// On a page with several forms, the server's reply to a rejected submission belongs to the form whose `intent` it carries.
import type { SubmissionResult } from '@conform-to/react';

export function replyFor(actionData: unknown, intent: string): SubmissionResult<string[]> | undefined {
  if (!actionData || typeof actionData !== 'object' || !('status' in actionData)) return undefined;
  const reply = actionData as SubmissionResult<string[]>;
  return reply.initialValue?.intent === intent ? reply : undefined;
}
