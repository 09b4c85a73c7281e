// A supervisor and their supervisee added to the demo organisation for one test (named with a stamp, so tests never
// share them), both signing in with one password, with a regular session planned for yesterday.
import { hashPassword } from '#app/utils/password.server.ts';
import { Person, PersonRole } from '#db/models/index.ts';
import { heldSession } from '#test/factories/supervision.ts';

export async function supervisionPair(names: { supervisor: string; worker: string }) {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const password = `supervision pair ${stamp}`;
  const admin = await Person.findOne({ where: { email: 'amira.khan@riverside.example.org' } });
  if (!admin) throw new Error('The demo organisation is not seeded');
  const organisationId = admin.organisationId;
  const passwordHash = await hashPassword(password);
  const person = (name: string, lineSupervisorId: number | null) =>
    Person.create({
      organisationId,
      name: `${name} ${stamp}`,
      email: `${name.split(' ')[0]!.toLowerCase()}.${stamp}@riverside.example.org`,
      jobTitle: null,
      passwordHash,
      teamId: null,
      lineSupervisorId,
      deactivatedAt: null,
    });
  const supervisor = await person(names.supervisor, null);
  const worker = await person(names.worker, supervisor.id);
  await PersonRole.bulkCreate([
    { organisationId, personId: supervisor.id, role: 'supervisor' },
    { organisationId, personId: worker.id, role: 'worker' },
  ]);
  const session = await heldSession(supervisor, worker, 1);
  return { organisationId, supervisor, worker, password, session, path: `/supervision/sessions/${session.id}` };
}
