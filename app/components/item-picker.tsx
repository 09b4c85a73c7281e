// Choosing the items a piece of evidence shows, for 100+ items: grouped by standard and section, with the
// item's state, a note for each, and a filter box once JavaScript has loaded (everything still works without it).
import { useEffect, useState } from 'react';
import { ITEM_STATE_LABELS, type ItemState } from '#app/domain/evidence-types.ts';
import { groupBySection, kindLabel } from './standard-items.tsx';

export type PickableStandard = {
  urn: string;
  title: string;
  items: { id: number; code: string; kind: 'P' | 'K'; section: string; text: string; state: ItemState }[];
};

const STATE_TAGS: Partial<Record<ItemState, string>> = { submitted: 'govuk-tag--blue', mapped: 'govuk-tag--grey', met: 'govuk-tag--green', not_yet_met: 'govuk-tag--orange' };

export function ItemPicker({
  standards,
  selected,
  notes,
  error,
  noteErrors,
}: {
  standards: PickableStandard[];
  selected: Set<number>;
  notes: Record<number, string>;
  error?: string | undefined;
  noteErrors: Record<number, string>;
}) {
  const [filter, setFilter] = useState('');
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (text: string) => words.every((word) => text.toLowerCase().includes(word));

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} id="links">
      <h2 className="govuk-heading-m">Which items does this evidence show?</h2>
      <p className="govuk-body">Tick each item and say in a sentence how this evidence shows it.</p>
      {error ? (
        <p className="govuk-error-message" id="links-error">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {enhanced ? (
        // As the last div of its group GOV.UK's form group loses its margin; keep the first standard off the field.
        <div className="govuk-form-group govuk-!-margin-bottom-6">
          <label className="govuk-label govuk-label--s" htmlFor="item-filter">Filter items</label>
          <div className="govuk-hint" id="item-filter-hint">Type words from an item, or a code such as P12.</div>
          <input className="govuk-input govuk-!-width-one-half" id="item-filter" type="search" aria-describedby="item-filter-hint" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </div>
      ) : null}
      {standards.length === 0 ? <p className="govuk-body">You do not hold any standards yet. Your manager assigns them with your role.</p> : null}
      {standards.map((standard) => (
        <details className="govuk-details" key={standard.urn} open={standards.length === 1 || standard.items.some((item) => selected.has(item.id)) || words.length > 0}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              {standard.urn} {standard.title}
            </span>
          </summary>
          <div className="govuk-details__text">
            {groupBySection(standard.items).map((group) => {
              // Filtered-out items are hidden, not removed, so anything already ticked is still sent.
              const shown = new Set(group.items.filter((item) => matches(`${item.code} ${item.text}`)).map((item) => item.id));
              return (
                <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" key={`${group.kind}-${group.section}-${group.items[0]?.code}`} hidden={shown.size === 0}>
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                    {group.section === kindLabel(group.kind) ? group.section : `${kindLabel(group.kind)}: ${group.section}`}
                  </legend>
                  <div className="govuk-checkboxes govuk-checkboxes--small">
                    {group.items.map((item) => {
                      const noteError = noteErrors[item.id];
                      return (
                        <div className="govuk-checkboxes__item app-item-choice" key={item.id} hidden={!shown.has(item.id)}>
                          <input className="govuk-checkboxes__input" id={`item-${item.id}`} name="item" type="checkbox" value={item.id} defaultChecked={selected.has(item.id)} />
                          <label className="govuk-label govuk-checkboxes__label" htmlFor={`item-${item.id}`}>
                            <strong>{standard.urn} {item.code}</strong> {item.text}{' '}
                            {STATE_TAGS[item.state] ? <strong className={`govuk-tag ${STATE_TAGS[item.state]}`}>{ITEM_STATE_LABELS[item.state]}</strong> : null}
                          </label>
                          <div className={`govuk-form-group app-item-note${noteError ? ' govuk-form-group--error' : ''}`}>
                            <label className="govuk-label govuk-!-font-size-16" htmlFor={`note-${item.id}`}>
                              How this evidence shows {standard.urn} {item.code}
                            </label>
                            {noteError ? <p className="govuk-error-message" id={`note-${item.id}-error`}><span className="govuk-visually-hidden">Error:</span> {noteError}</p> : null}
                            <input className="govuk-input" id={`note-${item.id}`} name={`note-${item.id}`} type="text" maxLength={2000} defaultValue={notes[item.id] ?? ''} aria-describedby={noteError ? `note-${item.id}-error` : undefined} />
                          </div>
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
              );
            })}
          </div>
        </details>
      ))}
    </div>
  );
}
