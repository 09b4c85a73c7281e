// The inspection pack form on the workforce report page: a team or location, and the report's period carried along,
// sent by the browser itself so that the answer, a PDF, downloads; it works the same without JavaScript.
import type { SubmissionResult } from '@conform-to/react';
import { splitDate } from '#app/utils/dates/index.ts';
import { InspectionPackSchema } from './inspection-pack-schema.ts';
import { SelectField } from './ui/fields.tsx';
import { SchemaForm, useSchemaForm } from './ui/form.tsx';

export type InspectionPackChoices = { choices: { value: string; label: string }[]; reply: SubmissionResult<string[]> | null; scope: string };

export function InspectionPackForm({ pack, period, periodText }: { pack: InspectionPackChoices; period: { from: string; to: string }; periodText: string }) {
  const [form, fields] = useSchemaForm('inspection-pack-form', InspectionPackSchema, pack.reply, { scope: pack.scope });
  const hidden = (['from', 'to'] as const).flatMap((name) =>
    Object.entries(splitDate(period[name])).map(([part, value]) => <input key={`${name}.${part}`} type="hidden" name={`${name}.${part}`} value={value ?? ''} />),
  );
  return (
    <section aria-labelledby="inspection-pack" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="inspection-pack">Inspection pack</h2>
      <p className="govuk-body">
        This report for one team or location, {periodText}, with a summary page for each person in it, as one PDF to give an inspector. It carries a
        verification code, so whoever receives it can check it is the copy the portal issued.
      </p>
      {pack.choices.length ? (
        <SchemaForm form={form} fields={fields} action="/team/report/pack" reloadDocument>
          {hidden}
          <SelectField
            field={fields.scope}
            label="Team or location"
            hint="A location includes every team based there."
            emptyLabel="Select a team or location"
            options={pack.choices}
          />
          <button type="submit" className="govuk-button">Download inspection pack (PDF)</button>
        </SchemaForm>
      ) : (
        <p className="govuk-body">You do not manage any teams or locations yet. Ask your organisation admin.</p>
      )}
    </section>
  );
}
