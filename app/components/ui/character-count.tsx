// The GOV.UK character count: a field's limit under it, "You can enter up to N characters" without JavaScript and
// a count that follows what is typed with it. The limit is the schema's (Conform's constraint), never a number here.
import { useEffect, useState, type RefObject } from 'react';

const count = (n: number) => n.toLocaleString('en-GB');

/** The message the count shows: the plain limit before JavaScript runs, then what is left or how many too many. */
export function characterCountMessage(maxLength: number, length: number | null): string {
  if (length === null) return `You can enter up to ${count(maxLength)} characters`;
  const left = maxLength - length;
  const characters = (n: number) => `${count(n)} character${n === 1 ? '' : 's'}`;
  return left >= 0 ? `You have ${characters(left)} remaining` : `You have ${characters(-left)} too many`;
}

export function characterCountId(fieldId: string) {
  return `${fieldId}-info`;
}

/** The message under the field; `input` is the field, whose length is followed as the person types. */
export function CharacterCount({ fieldId, maxLength, input }: { fieldId: string; maxLength: number; input: RefObject<HTMLInputElement | HTMLTextAreaElement> }) {
  const [length, setLength] = useState<number | null>(null);
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    const update = () => setLength(element.value.length);
    update();
    element.addEventListener('input', update);
    return () => element.removeEventListener('input', update);
  }, [input]);
  const over = length !== null && length > maxLength;
  return (
    <div id={characterCountId(fieldId)} className={`govuk-hint govuk-character-count__message${over ? ' govuk-error-message' : ''}`} aria-live="polite">
      {characterCountMessage(maxLength, length)}
    </div>
  );
}
