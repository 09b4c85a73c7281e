// The demo's people as actors, for seeding through the portal's own API as they would act.
import { loadActorById } from '#app/domain/accounts.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { Person } from '#db/models/index.ts';
import { DEMO_PEOPLE } from './people.ts';

/** A demo person, by key, as the actor the portal would load for them. */
export async function actorByKey(key: string): Promise<Actor> {
  const email = DEMO_PEOPLE.find((person) => person.key === key)!.email;
  const person = await Person.findOne({ where: { email }, attributes: ['id', 'organisationId'] });
  const actor = person ? await loadActorById(person.organisationId, person.id) : null;
  if (!actor) throw new Error(`The demo person ${key} is missing`);
  return actor;
}
