// The shape every workflow shares: named statuses, one transition table { from: { action: to } }, and the two
// questions asked of it, "may this action happen now?" (assertTransition) and "what may happen next?" (allowedActions).
//
// Workflows still to come take the same shape, so their pages and domain functions read alike:
// - PDP (personal development plan): draft → active (agreed by worker and supervisor) → completed, with `archive`
//   freezing the plan's item states as Moodle's plan::complete does; a completed plan never changes again.
// - Assessment decision on an item: a decision is appended, never updated (STYLE.md 4); its workflow is the item's state,
//   submitted → met | not_yet_met by `decide`, met → countersigned by `countersign` (IQA), not_yet_met → submitted by
//   new evidence. The table names the trail row each action appends.
import { InvalidTransition } from '#app/utils/errors.server.ts';

/** Why an action is refused from a status; `field` puts the message beside a form field instead of on a 409 page. */
export type Refusal = { message: string; field?: string };

export type Workflow<Status extends string, Action extends string, Context = undefined> = {
  /** Named in errors and logs, e.g. "supervision session". */
  readonly name: string;
  readonly transitions: { readonly [From in Status]: { readonly [A in Action]?: Status } };
  /** The words a person sees when `action` is not allowed from `from`; `context` carries what they may mention. */
  readonly refusal: (from: Status, action: Action, context: Context) => Refusal;
};

/** Declares a workflow; the identity function only checks the table against its statuses and actions. */
export function defineWorkflow<Status extends string, Action extends string, Context = undefined>(
  workflow: Workflow<Status, Action, Context>,
): Workflow<Status, Action, Context> {
  return workflow;
}

/** The status `action` leads to from `from`, or undefined when the table does not allow it. */
export function nextStatus<Status extends string, Action extends string, Context>(
  workflow: Workflow<Status, Action, Context>,
  from: Status,
  action: Action,
): Status | undefined {
  const row: { readonly [A in Action]?: Status } | undefined = workflow.transitions[from];
  return row?.[action];
}

/**
 * The status `action` leads to; throws InvalidTransition (409, or the message beside its field on a form) when the
 * table has no such transition from `from`. Call it before anything is written.
 */
export function assertTransition<Status extends string, Action extends string, Context>(
  workflow: Workflow<Status, Action, Context>,
  from: Status,
  action: Action,
  ...context: Context extends undefined ? [] : [Context]
): Status {
  const to = nextStatus(workflow, from, action);
  if (to !== undefined) return to;
  const refusal = workflow.refusal(from, action, context[0] as Context);
  throw new InvalidTransition(refusal.message, { workflow: workflow.name, from, action, field: refusal.field });
}

/** Every action the table allows from `from`, in the table's order. */
export function allowedActions<Status extends string, Action extends string, Context>(workflow: Workflow<Status, Action, Context>, from: Status): Action[] {
  return Object.keys(workflow.transitions[from] ?? {}) as Action[];
}

export function isAllowed<Status extends string, Action extends string, Context>(workflow: Workflow<Status, Action, Context>, from: Status, action: Action): boolean {
  return nextStatus(workflow, from, action) !== undefined;
}

/** The statuses from which `action` is allowed: for updates of many rows at once (`where: { status: [...] }`). */
export function statusesAllowing<Status extends string, Action extends string, Context>(workflow: Workflow<Status, Action, Context>, action: Action): Status[] {
  return (Object.keys(workflow.transitions) as Status[]).filter((from) => isAllowed(workflow, from, action));
}
