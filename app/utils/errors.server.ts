// Typed domain errors, and the one adapter that turns them into HTTP answers.
export class NotFound extends Error {
  constructor(what = 'Page') {
    super(`${what} not found`);
  }
}
export class Forbidden extends Error {
  constructor(message = 'You do not have permission to do that') {
    super(message);
  }
}
/** Input that passed the form schema but breaks a rule only the domain can check. */
export class ValidationError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(Object.values(fieldErrors).flat().join('; ') || 'Invalid input');
  }
}

/** Which workflow refused which action from which status (app/domain/workflows/). */
export type TransitionRefused = { workflow: string; from: string; action: string; field?: string | undefined };

/**
 * An action the record's current status does not allow: 409. When the refusal names a field (the record was locked
 * while the person typed), it also carries that field's message, so a form shows it beside the field.
 */
export class InvalidTransition extends ValidationError {
  constructor(
    message: string,
    readonly refused?: TransitionRefused,
  ) {
    super(refused?.field ? { [refused.field]: [message] } : {});
    this.message = message;
  }
}

/** Maps a thrown domain error to the response the browser should get; anything else passes through. */
export function toHttpError(error: unknown): unknown {
  const status =
    error instanceof NotFound ? 404
    : error instanceof Forbidden ? 403
    : error instanceof InvalidTransition ? 409
    : error instanceof ValidationError ? 400
    : undefined;
  if (status === undefined) return error;
  return new Response((error as Error).message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
