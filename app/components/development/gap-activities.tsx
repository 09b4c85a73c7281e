// The development planned against a gap, each with its date, how many took part and what it achieved.
import { Link } from '@remix-run/react';
import { formatDate } from '#app/utils/dates/index.ts';
import { plural } from '#app/utils/words.ts';

export type GapActivity = { id: number; kindLabel: string; title: string; startsOn: string; people: number; delivered: number; itemsMet: number; peopleWithItemsMet: number };

export function GapActivities({ activities }: { activities: GapActivity[] }) {
  if (!activities.length) return <>None planned</>;
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {activities.map((activity) => (
        <li key={activity.id}>
          <Link className="govuk-link" to={`/team/activities/${activity.id}`}>{activity.title}</Link> ({activity.kindLabel}, {formatDate(activity.startsOn)}):{' '}
          {activity.delivered} of {plural(activity.people, 'person', 'people')} took part;{' '}
          {activity.itemsMet ? `${plural(activity.itemsMet, 'item', 'items')} met since by ${plural(activity.peopleWithItemsMet, 'person', 'people')}` : 'no items met since yet'}
        </li>
      ))}
    </ul>
  );
}
