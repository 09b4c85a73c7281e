// A standard's items grouped by section, performance criteria first, as on the published NOS.
import type { ReactNode } from 'react';

type Item = { code: string; kind: 'P' | 'K'; section: string; text: string; incomplete?: boolean };

export function kindLabel(kind: 'P' | 'K'): string {
  return kind === 'P' ? 'Performance criteria' : 'Knowledge and understanding';
}

export function groupBySection<T extends Item>(items: T[]): { kind: 'P' | 'K'; section: string; items: T[] }[] {
  const groups: { kind: 'P' | 'K'; section: string; items: T[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.kind === item.kind && last.section === item.section) last.items.push(item);
    else groups.push({ kind: item.kind, section: item.section, items: [item] });
  }
  return groups;
}

export function StandardItems<T extends Item>({ items, renderItem }: { items: T[]; renderItem?: (item: T) => ReactNode }) {
  return (
    <>
      {groupBySection(items).map((group) => (
        <section key={`${group.kind}-${group.section}-${group.items[0]?.code}`}>
          <h3 className="govuk-heading-s">
            {group.section === kindLabel(group.kind) ? null : <span className="govuk-caption-s">{kindLabel(group.kind)}</span>}
            {group.section}
          </h3>
          <dl className="govuk-summary-list">
            {group.items.map((item) => (
              <div className="govuk-summary-list__row" key={item.code} id={`item-${item.code}`}>
                <dt className="govuk-summary-list__key">{item.code}</dt>
                <dd className="govuk-summary-list__value">
                  {renderItem ? renderItem(item) : item.text}
                  {item.incomplete ? <strong className="govuk-tag govuk-tag--orange govuk-!-margin-left-2">Text incomplete</strong> : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
