// The organisation's IQA sampling rules and its lead IQA (admins only).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { IqaSettingsSchema } from '#app/components/iqa/settings-schema.ts';
import { SelectField, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { iqaSettingsForm, setIqaSettings } from '#app/domain/assessment/iqa.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'IQA sampling rules – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:iqa-settings:org');
  return iqaSettingsForm(actor);
});

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:iqa-settings:org');
  return submitForm(await readForm(request), IqaSettingsSchema, async (value) => {
    await setIqaSettings(requestContext(context, actor), { ...value, leadIqaId: value.leadIqaId ?? null });
    return redirectWithFlash('/iqa/settings', 'Sampling rules saved.');
  });
});

export default function IqaSettingsPage() {
  const { settings, iqas } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm('iqa-settings', IqaSettingsSchema, lastResult, {
    samplePercent: String(settings.samplePercent),
    minimumPerAssessorMonth: String(settings.minimumPerAssessorMonth),
    leadIqaId: settings.leadIqaId ? String(settings.leadIqaId) : '',
  });
  return (
    <>
      <Link to="/iqa/report" className="govuk-back-link">Back to the sampling report</Link>
      <h1 className="govuk-heading-l">IQA sampling rules</h1>
      <p className="govuk-body">
        The IQA sample always holds every decision of an assessor marked new. These rules add a share of the other decisions, and a minimum for
        each assessor in each calendar month. The same rules over the same decisions always draw the same sample.
      </p>
      <SchemaForm form={form} fields={fields}>
        <TextField field={fields.samplePercent} label="Percentage of decisions to sample" hint="A whole number from 0 to 100, for example 10" width="5" type="text" />
        <TextField field={fields.minimumPerAssessorMonth} label="Minimum per assessor per month" hint="Decisions sampled for each assessor in each month they judge, for example 1" width="5" type="text" />
        <SelectField
          field={fields.leadIqaId}
          label="Lead IQA"
          hint="With the admins, the lead IQA may reopen an achieved standard."
          emptyLabel="No lead IQA"
          options={iqas.map((person) => ({ value: String(person.id), label: person.name }))}
        />
        <button type="submit" className="govuk-button">Save sampling rules</button>
      </SchemaForm>
    </>
  );
}
