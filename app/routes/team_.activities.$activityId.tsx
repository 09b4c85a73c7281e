// A development activity a manager planned: what, when and where, against which gap, each participant's attendance
// and what they have had met since, and the form to record attendance and completion.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { SelectField, TextArea } from '#app/components/ui/fields.tsx';
import { SchemaForm, useSchemaForm } from '#app/components/ui/form.tsx';
import { TableRegion } from '#app/components/ui/table-region.tsx';
import { activityPage, recordAttendance } from '#app/domain/development/activities.server.ts';
import { ATTENDANCE } from '#app/domain/development/activity-kinds.ts';
import { AttendanceSchema } from '#app/domain/development/forms.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { formatDate } from '#app/utils/dates/index.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { formId, submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.activity.title ?? 'Development activity'} – NOSfolio` }];

function activityIdOf(param: string | undefined): number {
  const id = formId().safeParse(param);
  if (!id.success) throw new NotFound('Development activity');
  return id.data;
}

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:team:managed');
  return activityPage(actor, activityIdOf(params.activityId));
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'plan:development:managed');
  const activityId = activityIdOf(params.activityId);
  const formData = await readForm(request);
  return submitForm(formData, AttendanceSchema, async (value) => {
    await recordAttendance(requestContext(context, actor), activityId, value);
    return redirectWithFlash(`/team/activities/${activityId}`, `${ATTENDANCE[value.attendance].label}: recorded.`);
  });
});

export default function ActivityPage() {
  const { activity, participants } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm('record-attendance', AttendanceSchema, lastResult);
  return (
    <>
      <Link to="/team/gaps" className="govuk-back-link">Back to gaps and development</Link>
      <span className="govuk-caption-l">{activity.kindLabel}</span>
      <h1 className="govuk-heading-l">{activity.title}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Date</dt>
          <dd className="govuk-summary-list__value">{formatDate(activity.startsOn)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Place</dt>
          <dd className="govuk-summary-list__value">{activity.place ?? 'Not given'}</dd>
        </div>
        {activity.mentorName ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Mentor</dt>
            <dd className="govuk-summary-list__value">{activity.mentorName}</dd>
          </div>
        ) : null}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Gap it is planned against</dt>
          <dd className="govuk-summary-list__value">{activity.gap ? <Link className="govuk-link" to={activity.gap.path}>{activity.gap.label}</Link> : 'None'}</dd>
        </div>
        {activity.details ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Details</dt>
            <dd className="govuk-summary-list__value app-preserve-lines">{activity.details}</dd>
          </div>
        ) : null}
      </dl>

      <TableRegion label="Participants">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Participants ({participants.length})</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Attendance</th>
              <th scope="col" className="govuk-table__header">Outcome</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Items met since</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Items still to meet</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {participants.length === 0 ? (
              <tr className="govuk-table__row"><td className="govuk-table__cell" colSpan={5}>Nobody you manage takes part in this activity.</td></tr>
            ) : null}
            {participants.map((participant) => (
              <tr className="govuk-table__row" key={participant.opportunityId}>
                <th scope="row" className="govuk-table__header"><Link className="govuk-link" to={`/workers/${participant.workerId}`}>{participant.name}</Link></th>
                <td className="govuk-table__cell"><strong className="govuk-tag govuk-tag--grey">{participant.statusLabel}</strong></td>
                <td className="govuk-table__cell">{participant.outcome || 'None recorded'}{participant.completedOn ? ` (completed ${formatDate(participant.completedOn)})` : ''}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{participant.itemsMetSince}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{participant.itemsStillToMeet}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      {participants.length ? (
        <section aria-labelledby="attendance-heading">
          <h2 className="govuk-heading-m" id="attendance-heading">Record attendance or completion</h2>
          {activity.started ? null : <p className="govuk-body">You can record attendance from {formatDate(activity.startsOn)}, the day of the activity.</p>}
          <SchemaForm form={form} fields={fields}>
            <SelectField field={fields.opportunityId} label="Person" emptyLabel="Select a person" options={participants.map((participant) => ({ value: String(participant.opportunityId), label: participant.name }))} />
            <SelectField field={fields.attendance} label="What happened" emptyLabel="Select what happened" options={Object.entries(ATTENDANCE).map(([value, { label }]) => ({ value, label }))} />
            <TextArea field={fields.outcome} label="Outcome (needed when completed)" hint="What the person achieved or learnt" rows={3} />
            <button type="submit" className="govuk-button">Record</button>
          </SchemaForm>
        </section>
      ) : null}
    </>
  );
}
