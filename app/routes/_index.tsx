// Home: what needs the signed-in person's attention, by the roles they hold.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { attentionFor } from '#app/domain/home.server.ts';
import { ROLE_LABELS } from '#app/domain/roles.ts';
import { requirePermission } from '#app/utils/auth.server.ts';
import { formatDate } from '#app/utils/dates/index.ts';
import { withDomainErrors } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: 'Home – NOSfolio' }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePermission(request, 'read:home:own');
  return {
    name: actor.name,
    roles: actor.roles,
    today: new Date().toISOString(),
    sections: await attentionFor(actor),
  };
});

export default function HomePage() {
  const { name, roles, today, sections } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{formatDate(today)}</span>
      <h1 className="govuk-heading-l">Hello, {name}</h1>
      <p className="govuk-body">
        Your roles: {roles.length ? roles.map((role) => ROLE_LABELS[role]).join(', ') : 'none yet (ask your organisation admin)'}.
      </p>
      {sections.map((section) => (
        <section key={section.role} className="app-card" aria-labelledby={`attention-${section.role}`}>
          <h2 className="govuk-heading-m" id={`attention-${section.role}`}>
            {section.heading}
          </h2>
          <ul className="govuk-list">
            {section.items.map((item) => (
              <li key={`${item.text} ${item.href ?? ''}`}>{item.href ? <Link className="govuk-link" to={item.href}>{item.text}</Link> : item.text}</li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
