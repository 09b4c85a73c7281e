// One role profile: what it requires, who holds it; admins edit it, assign it to people and end assignments.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { AssignRoleProfileForm, EditRoleProfileForm } from '#app/components/role-profile/forms.tsx';
import { HoldersTable, PastHolders } from '#app/components/role-profile/holders.tsx';
import { RoleProfileSummary } from '#app/components/role-profile/summary.tsx';
import { EndAssignmentSchema, ROLE_PROFILE_INTENTS, RoleProfileCommandSchema } from '#app/components/role-profile-schema.ts';
import { replyFor } from '#app/components/ui/reply-for.ts';
import { actOnRoleProfile, roleProfilePage } from '#app/domain/role-profile-page.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { redirectWithFlash } from '#app/utils/flash.server.ts';
import { parseFields, submitForm } from '#app/utils/forms.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.profile.name ?? 'Role profile'} – NOSfolio` }];

const profileIdParam = z.coerce.number().int().positive();

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:role-profiles:org');
  const profileId = profileIdParam.safeParse(params.profileId);
  if (!profileId.success) throw new Response('Not found', { status: 404 });
  return roleProfilePage(actor, profileId.data);
});

export const action = withDomainErrors(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'manage:role-profiles:org');
  const profileId = profileIdParam.safeParse(params.profileId);
  if (!profileId.success) throw new Response('Not found', { status: 404 });
  const formData = await readForm(request);
  const intent = formData.get('intent');
  if (!(ROLE_PROFILE_INTENTS as unknown[]).includes(intent)) throw new Response('Unknown action', { status: 400 });
  // Ending sends only a hidden id: one that does not fit is a malformed request, not a form to show again.
  if (intent === 'end') parseFields(EndAssignmentSchema, formData);
  return submitForm(formData, RoleProfileCommandSchema, async (command) => {
    const notice = await actOnRoleProfile(requestContext(context, actor), profileId.data, command);
    return redirectWithFlash(`/role-profiles/${profileId.data}`, NOTICES[notice] ?? 'Saved.');
  });
});

/** What the person is told after each command. */
const NOTICES: Record<string, string> = {
  created: 'Role profile created.',
  saved: 'Changes saved.',
  assigned: 'Role assigned. The required standards have been added to the person’s plan.',
  ended: 'Role assignment ended. It stays in the person’s role history.',
};

export default function RoleProfilePage() {
  const { profile, can, standards, assignable, editDefaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const endError = replyFor(actionData, 'end')?.error?.endedOn?.[0];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/role-profiles" className="govuk-back-link">Back to role profiles</Link>
        <h1 className="govuk-heading-l">{profile.name}</h1>
        {profile.description ? <p className="govuk-body">{profile.description}</p> : null}
        <RoleProfileSummary profile={profile} />

        <h2 className="govuk-heading-m">People in this role</h2>
        {endError ? <p className="govuk-error-message">{endError}</p> : null}
        <HoldersTable holders={profile.holders} canEnd={can.endAssignment} />
        <PastHolders holders={profile.pastHolders} />

        {can.assign ? <AssignRoleProfileForm people={assignable} targetMonths={profile.targetMonths} lastResult={replyFor(actionData, 'assign')} /> : null}
        {can.edit ? <EditRoleProfileForm standards={standards} defaultValue={editDefaults} lastResult={replyFor(actionData, 'save')} /> : null}
      </div>
    </div>
  );
}
