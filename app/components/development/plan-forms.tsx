// The PDP's forms: strengths, an area for development, a learning opportunity (also from a supervision record), the
// status and outcome controls of each row, and putting a version forward and agreeing it. Work without JavaScript.
import type { SubmissionResult } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { DateInput } from '#app/components/ui/date-input.tsx';
import { SelectField, TextArea } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import {
  GOAL_STATUS_LABELS,
  GoalSchema,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_STATUS_LABELS,
  OpportunitySchema,
  RecordOpportunitySchema,
  StrengthsSchema,
} from '#app/domain/development/plan-forms.ts';
import type { GoalRow, OpportunityRow } from './plan-content.tsx';

type Reply = SubmissionResult<string[]> | undefined;

type Option = { value: string; label: string };

const KIND_OPTIONS = Object.entries(OPPORTUNITY_KINDS).map(([value, label]) => ({ value, label }));
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function StrengthsForm({ strengths, lastResult }: { strengths: string; lastResult: Reply }) {
  const [form, fields] = useSchemaForm('strengths', StrengthsSchema, lastResult, { strengths });
  return (
    <SchemaForm form={form} fields={fields}>
      <input type="hidden" name="intent" value="strengths" />
      <TextArea field={fields.strengths} label="What the worker does well" hint="In their own and their supervisor’s words." rows={4} />
      <button type="submit" className="govuk-button govuk-button--secondary">Save strengths</button>
    </SchemaForm>
  );
}

export function GoalForm({ linkOptions, lastResult }: { linkOptions: Option[]; lastResult: Reply }) {
  const [form, fields] = useSchemaForm('goal', GoalSchema, lastResult);
  return (
    <>
      <h3 className="govuk-heading-s">Add an area for development</h3>
      <SchemaForm form={form} fields={fields}>
        <input type="hidden" name="intent" value="goal" />
        <TextArea field={fields.description} label="Area for development" rows={3} />
        <SelectField
          field={fields.link}
          label="Where the gap is (optional)"
          hint="A whole standard, one of its sections, or an item not yet met. Leave as free text if it is not in a standard."
          emptyLabel="Free text: not in a standard"
          options={linkOptions}
        />
        <DateInput field={fields.targetDate} legend="Target date" hint="For example, 27 3 2027" />
        <button type="submit" className="govuk-button govuk-button--secondary">Add area for development</button>
      </SchemaForm>
    </>
  );
}

/** A learning opportunity: in the PDP (`opportunity`) or agreed in a supervision session and added from its record (`pdp-opportunity`). */
export function OpportunityForm({ intent, goals, lastResult, heading }: { intent: 'opportunity' | 'pdp-opportunity'; goals: GoalRow[]; lastResult: Reply; heading: string }) {
  const [form, fields] = useSchemaForm(intent, intent === 'opportunity' ? OpportunitySchema : RecordOpportunitySchema, lastResult);
  return (
    <>
      <h3 className="govuk-heading-s">{heading}</h3>
      <SchemaForm form={form} fields={fields}>
        <input type="hidden" name="intent" value={intent} />
        <SelectField field={fields.kind} label="Kind" emptyLabel="Select the kind" options={KIND_OPTIONS} />
        <TextArea field={fields.description} label="What the opportunity is" rows={3} />
        <DateInput field={fields.targetDate} legend="Target date" hint="For example, 27 3 2027" />
        {goals.length ? (
          <SelectField
            field={fields.goalId}
            label="Area for development it serves (optional)"
            emptyLabel="None"
            options={goals.filter((goal) => goal.status === 'open').map((goal) => ({ value: String(goal.id), label: goal.description }))}
          />
        ) : null}
        <button type="submit" className="govuk-button govuk-button--secondary">Add learning opportunity</button>
      </SchemaForm>
    </>
  );
}

function Select({ id, name, label, value, choices }: { id: string; name: string; label: string; value: string; choices: Option[] }) {
  return (
    <div className="govuk-form-group govuk-!-margin-bottom-2">
      <label className="govuk-label govuk-label--s" htmlFor={id}>{label}</label>
      <select className="govuk-select" id={id} name={name} defaultValue={value}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>{choice.label}</option>
        ))}
      </select>
    </div>
  );
}

export function GoalStatusControl({ goal }: { goal: GoalRow }) {
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value="goal-status" />
      <input type="hidden" name="goalId" value={goal.id} />
      <Select id={`goal-${goal.id}-status`} name="status" label="Status" value={goal.status} choices={options(GOAL_STATUS_LABELS)} />
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
        Change<span className="govuk-visually-hidden"> the status of: {goal.description}</span>
      </button>
    </Form>
  );
}

export function OpportunityStatusControl({ row }: { row: OpportunityRow }) {
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value="opportunity-status" />
      <input type="hidden" name="opportunityId" value={row.id} />
      <Select id={`opportunity-${row.id}-status`} name="status" label="Status" value={row.status} choices={options(OPPORTUNITY_STATUS_LABELS)} />
      <div className="govuk-form-group govuk-!-margin-bottom-2">
        <label className="govuk-label govuk-label--s" htmlFor={`opportunity-${row.id}-outcome`}>Outcome</label>
        <textarea className="govuk-textarea govuk-!-margin-bottom-0" id={`opportunity-${row.id}-outcome`} name="outcome" rows={2} defaultValue={row.outcome} />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
        Save<span className="govuk-visually-hidden"> the status and outcome of: {row.description}</span>
      </button>
    </Form>
  );
}

export function ProposeForm({ party }: { party: 'worker' | 'supervisor' }) {
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value="propose" />
      <p className="govuk-body">
        Putting the plan forward records your agreement to it as it stands now; {party === 'worker' ? 'your supervisor' : 'the worker'} then agrees it too.
      </p>
      <button type="submit" className="govuk-button">Agree and put forward for agreement</button>
    </Form>
  );
}

export function AgreeVersionForm({ versionNumber }: { versionNumber: number }) {
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value="agree" />
      <input type="hidden" name="versionNumber" value={versionNumber} />
      <button type="submit" className="govuk-button">Agree version {versionNumber}</button>
    </Form>
  );
}
