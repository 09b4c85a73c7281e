// GOV.UK success notification banner, announced to screen readers when it appears.
import type { ReactNode } from 'react';

export function SuccessBanner({ id, children, headingLevel = 2 }: { id: string; children: ReactNode; headingLevel?: 2 | 3 }) {
  const Title = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby={id}>
      <div className="govuk-notification-banner__header">
        <Title className="govuk-notification-banner__title" id={id}>Success</Title>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}
