// One gap among the people a manager manages: who lacks it, the development planned against it, and the form to plan
// a development activity for the people chosen.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { GapActivities } from '#app/components/development/gap-activities.tsx';
import { DateInput } from '#app/components/ui/date-input.tsx';
import { Checkboxes, SelectField, TextArea, TextField } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { gapPage, planActivity } from '#app/domain/development/activities.server.ts';
import { ACTIVITY_KINDS, parseGapRef } from '#app/domain/development/activity-kinds.ts';
import { ActivitySchema } from '#app/domain/development/forms.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';
import { plural } from '#app/utils/words.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.gap.label ?? 'Gap'} – NOSfolio` }];

function gapOf(request: Request, param: string | undefined) {
  const ref = parseGapRef(param ?? '', new URL(request.url).searchParams.get('section'));
  if (!ref) throw new NotFound('Gap');
  return ref;
}

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:team:managed');
  return gapPage(actor, gapOf(request, params.gap));
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'plan:development:managed');
  const ref = gapOf(request, params.gap);
  const formData = await readForm(request);
  return submitForm(formData, ActivitySchema, async (value) => {
    const id = await planActivity(requestContext(context, actor), ref, value);
    return redirectWithFlash(`/team/activities/${id}`, `Development planned for ${plural(value.workerIds.length, 'person', 'people')}. It is in each one’s development plan.`);
  });
});

const KIND_OPTIONS = Object.entries(ACTIVITY_KINDS).map(([value, label]) => ({ value, label }));

export default function GapPage() {
  const { gap, lacking, mentors, activities } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm('plan-activity', ActivitySchema, lastResult, {
    kind: 'training',
    title: gap.item ? `${gap.item.code} ${gap.item.text}`.slice(0, 200) : gap.label.slice(0, 200),
    workerIds: lacking.map((person) => String(person.id)),
  });
  return (
    <>
      <Link to="/team/gaps" className="govuk-back-link">Back to gaps and development</Link>
      <span className="govuk-caption-l">{gap.standard.urn} {gap.standard.title}{gap.kind === 'item' && gap.section ? `, ${gap.section}` : ''}</span>
      <h1 className="govuk-heading-l">{gap.item ? `${gap.item.code}: ${gap.item.text}` : gap.kind === 'section' ? gap.section : 'The whole standard'}</h1>
      <p className="govuk-body">{lacking.length} of the {plural(gap.holders, 'person who holds', 'people who hold')} this lack it.</p>

      {lacking.length ? (
        <TableRegion label="Who lacks it">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Who lacks it</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Team</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Items not yet met</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {lacking.map((person) => (
                <tr className="govuk-table__row" key={person.id}>
                  <th scope="row" className="govuk-table__header"><Link className="govuk-link" to={`/workers/${person.id}`}>{person.name}</Link></th>
                  <td className="govuk-table__cell">{person.teamName}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{person.notMet} of {person.items}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p className="govuk-body">Nobody you manage lacks this: everyone who holds it has it met.</p>
      )}

      <h2 className="govuk-heading-m">Development planned against it</h2>
      <div className="govuk-body"><GapActivities activities={activities} /></div>

      {lacking.length ? (
        <section aria-labelledby="plan-heading">
          <h2 className="govuk-heading-m" id="plan-heading">Plan development</h2>
          <SchemaForm form={form} fields={fields} errorTargets={{ startsOn: fields.startsOn.id }}>
            <SelectField field={fields.kind} label="Kind of development" options={KIND_OPTIONS} />
            <TextField field={fields.title} label="Title" />
            <TextArea field={fields.details} label="Details (optional)" hint="What it covers and how to prepare" rows={3} />
            <DateInput field={fields.startsOn} legend="Date" hint="Today or later, for example 27 3 2027" />
            <TextField field={fields.place} label="Place (needed for a training session)" hint="A room, an address or a link" />
            {mentors.length ? (
              <SelectField
                field={fields.mentorId}
                label="Mentor (for mentoring)"
                hint="Only colleagues who have this met"
                emptyLabel="No mentor"
                options={mentors.map((mentor) => ({ value: String(mentor.id), label: mentor.name }))}
              />
            ) : (
              <p className="govuk-body">No colleague you manage has this met yet, so there is nobody to name as a mentor.</p>
            )}
            <Checkboxes
              field={fields.workerIds}
              legend="Who it is for"
              hint="It is added to each person’s development plan"
              options={lacking.map((person) => ({ value: String(person.id), label: person.name }))}
            />
            <button type="submit" className="govuk-button">Plan development</button>
          </SchemaForm>
        </section>
      ) : null}
    </>
  );
}
