// The form an admin uses to add or change a person: details, team, line supervisor and roles.
import type { SubmissionResult } from '@conform-to/react';
import { z } from 'zod';
import { NO_ROLE_MESSAGE, ROLES, ROLE_LABELS } from '#app/domain/roles.ts';
import { textUpTo } from '#app/utils/text-limits.ts';
import { Checkboxes, SelectField, TextField, type Option } from './ui/fields.tsx';
import { SchemaForm, useSchemaForm } from './ui/form.tsx';

export const PersonSchema = z.object({
  name: textUpTo('Full name', 200, { required: 'Enter the person’s full name' }),
  email: z
    .string({ required_error: 'Enter an email address' })
    .trim()
    .max(254, 'Email address must be 254 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
  jobTitle: textUpTo('Job title', 200).optional(),
  teamId: z.number({ invalid_type_error: 'Select a team from the list' }).int().positive().optional(),
  lineSupervisorId: z.number({ invalid_type_error: 'Select a line supervisor from the list' }).int().positive().optional(),
  roles: z.array(z.enum(ROLES, { errorMap: () => ({ message: 'Select roles from the list' }) })).min(1, NO_ROLE_MESSAGE).default([]),
});

export function PersonForm({
  lastResult,
  defaultValue,
  teams,
  supervisors,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: Record<string, unknown>;
  teams: Option[];
  supervisors: Option[];
  submitLabel: string;
}) {
  const [form, fields] = useSchemaForm('person', PersonSchema, lastResult, defaultValue);
  return (
    <SchemaForm form={form} fields={fields}>
      <input type="hidden" name="intent" value="save" />
      <TextField field={fields.name} label="Full name" autoComplete="off" width="two-thirds" spellCheck={false} />
      <TextField field={fields.email} label="Email address" type="email" autoComplete="off" width="two-thirds" spellCheck={false} />
      <TextField field={fields.jobTitle} label="Job title (optional)" width="two-thirds" />
      <SelectField field={fields.teamId} label="Team" options={teams} emptyLabel="No team" />
      <SelectField field={fields.lineSupervisorId} label="Line supervisor" options={supervisors} emptyLabel="No line supervisor" hint="Only people with the supervisor role are listed." />
      <Checkboxes
        field={fields.roles}
        legend="Roles"
        hint="Select all that apply. A manager is usually also a worker with their own supervisor."
        options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
      />
      <button type="submit" className="govuk-button">
        {submitLabel}
      </button>
    </SchemaForm>
  );
}
