// A standard's achievement as the worker and their assessors see it: achieved on a date by an assessor, withdrawn
// with the reason, reopened by a named person with theirs.
import { formatDate } from '#app/utils/dates/index.ts';

export type AchievementEvent = { event: 'achieved' | 'withdrawn' | 'reopened'; at: string; personName: string; reason: string };

export function achievementSentence(event: AchievementEvent): string {
  if (event.event === 'achieved') return `Achieved on ${formatDate(event.at)}, completed by ${event.personName}`;
  if (event.event === 'withdrawn') return `Achievement withdrawn on ${formatDate(event.at)}: ${event.reason}`;
  return `Reopened on ${formatDate(event.at)} by ${event.personName}: ${event.reason}`;
}

/** The sentence with one full stop, whether or not the person's reason ended with one. */
export const achievementStatement = (event: AchievementEvent) => achievementSentence(event).replace(/[.!?]?$/, (end) => end || '.');

export function AchievementHistory({ events, empty }: { events: (AchievementEvent & { id: number })[]; empty: string }) {
  if (!events.length) return <p className="govuk-body">{empty}</p>;
  return (
    <ul className="govuk-list govuk-list--bullet">
      {events.map((event) => <li key={event.id}>{achievementSentence(event)}</li>)}
    </ul>
  );
}
