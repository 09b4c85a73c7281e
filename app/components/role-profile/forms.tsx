// An admin's forms on a role profile's page: assign it to a person, and change the profile.
import type { SubmissionResult } from '@conform-to/react';
import { AssignRoleProfileSchema, SaveRoleProfileSchema } from '#app/components/role-profile-schema.ts';
import { DateInput } from '#app/components/ui/date-input.tsx';
import { Checkboxes, SelectField, TextArea, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { formatMonths } from '#app/utils/dates/index.ts';

type Reply = SubmissionResult<string[]> | undefined;
type Option = { value: string; label: string };

export function AssignRoleProfileForm({ people, targetMonths, lastResult }: { people: Option[]; targetMonths: number; lastResult: Reply }) {
  const [form, fields] = useSchemaForm('assign-role-profile', AssignRoleProfileSchema, lastResult);
  return (
    <>
      <h2 className="govuk-heading-m">Assign to a person</h2>
      <SchemaForm form={form} fields={fields}>
        <input type="hidden" name="intent" value="assign" />
        <SelectField field={fields.personId} label="Person" emptyLabel="Select a person" options={people} />
        <DateInput
          field={fields.startedOn}
          legend="Start date"
          hint={`For example, 27 3 2026. The target date will be ${formatMonths(targetMonths)} later.`}
        />
        <button type="submit" className="govuk-button">Assign role</button>
      </SchemaForm>
    </>
  );
}

export function EditRoleProfileForm({ standards, defaultValue, lastResult }: { standards: Option[]; defaultValue: Record<string, unknown>; lastResult: Reply }) {
  const [form, fields] = useSchemaForm('edit-role-profile', SaveRoleProfileSchema, lastResult, defaultValue);
  return (
    <>
      <h2 className="govuk-heading-m">Change this role profile</h2>
      <p className="govuk-body">Changes apply to future assignments; people already in the role keep the standards they were given.</p>
      <SchemaForm form={form} fields={fields}>
        <input type="hidden" name="intent" value="save" />
        <TextField field={fields.name} label="Role name" />
        <TextArea field={fields.description} label="Description (optional)" rows={3} />
        {standards.length ? <Checkboxes field={fields.standardIds} legend="Required standards" hint="Select all that apply" options={standards} /> : null}
        <TextField field={fields.supervisionFrequencyWeeks} label="Supervision every (weeks)" width="5" />
        <TextField field={fields.probationSupervisionFrequencyWeeks} label="Supervision during probation every (weeks, optional)" width="5" />
        <Checkboxes field={fields.urgentDebriefOnRequest} legend="Urgent debrief" options={[{ value: 'on', label: 'Offer an urgent debrief on request' }]} />
        <TextField field={fields.targetMonths} label="Target period (months)" width="5" />
        <TextField field={fields.pdpReviewMonths} label="PDP review every (months)" hint="A personal development plan not agreed again within this time is stale" width="5" />
        <button type="submit" className="govuk-button govuk-button--secondary">Save changes</button>
      </SchemaForm>
    </>
  );
}
