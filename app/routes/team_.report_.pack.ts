// The inspection pack of a team or location for the workforce report's period, as a PDF download. A form that does
// not read goes back to the report page, which shows each problem beside its field with what was chosen kept; so
// does a GET (a bookmark, an address typed), since the pack is asked for there.
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { InspectionPackSchema } from '#app/components/inspection-pack-schema.ts';
import { issueInspectionPack } from '#app/domain/portfolio/inspection-packs.server.ts';
import { packRetryQuery } from '#app/domain/team/report-period.server.ts';
import { readForm, requirePermission } from '#app/utils/auth.server.ts';
import { pdfDownload } from '#app/utils/pdf-response.server.ts';
import { requestContext } from '#app/utils/request-context.server.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  await requirePermission(request, 'read:team:managed');
  return redirect('/team/report#inspection-pack');
});

export const action = withDomainErrors(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requirePermission(request, 'print:inspection-pack');
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: InspectionPackSchema });
  if (submission.status !== 'success') return redirect(`/team/report?${packRetryQuery(formData)}#inspection-pack`, 303);
  return pdfDownload(await issueInspectionPack(requestContext(context, actor), submission.value));
});
