// Many people at once: sign-ins, evidence saves and calendar links all succeed on SQLite and MariaDB alike.
import { expect } from 'chai';
import { login } from '#app/domain/accounts.server.ts';
import { recordEvidence } from '#app/domain/evidence.server.ts';
import { createCalendarLink } from '#app/domain/supervision/calendar.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { Evidence, Session, SupervisionCalendarToken } from '#db/models/index.ts';
import { TEST_PASSWORD, actorFor, createOrganisation, createPerson, createStaffedOrganisation, giveStandard, unique } from '#test/factories/index.ts';

/** Runs every task at the same moment and reports the failures, so a test shows how many went wrong and why. */
async function allAtOnce<T>(tasks: (() => Promise<T>)[]) {
  const results = await Promise.allSettled(tasks.map((task) => task()));
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [String((result.reason as Error)?.message ?? result.reason)] : []));
  const values = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  return { failures, values };
}

describe('many people at once', function () {
  this.timeout(120_000);

  it('signs in 50 different people at the same moment', async () => {
    const { organisation } = await createOrganisation();
    const people = [];
    for (let index = 0; index < 50; index += 1) people.push(await createPerson(organisation.id));
    // Each from their own address, so login throttling is not what is being tested.
    const { failures, values } = await allAtOnce(
      people.map((person) => () => login({ email: person.email, password: TEST_PASSWORD, ipAddress: unique('ip') })),
    );
    expect(failures, failures.slice(0, 3).join('\n')).to.have.length(0);
    expect(values.every((result) => result.ok)).to.equal(true);
    expect(await Session.count({ where: { personId: people.map((person) => person.id) } })).to.equal(50);
  });

  it('saves 50 pieces of evidence at the same moment', async () => {
    const org = await createStaffedOrganisation();
    const { items } = await giveStandard(org.admin, 'ASTH325', [org.worker]);
    const item = items.find((row) => row.code === 'P1');
    const { failures } = await allAtOnce(
      Array.from({ length: 50 }, (_, index) => () =>
        recordEvidence(
          contextFor(org.worker),
          {
            type: 'reflective_account',
            title: `Reflection ${index + 1}`,
            activityDate: '2026-01-14',
            description: 'What I did and what I learnt.',
            links: [{ itemId: item!.id, note: 'How it shows the item.' }],
          },
          [],
          { submissionToken: unique('token'), submit: index % 2 === 0 },
        ),
      ),
    );
    expect(failures, failures.slice(0, 3).join('\n')).to.have.length(0);
    expect(await Evidence.count({ where: { workerId: org.worker.id } })).to.equal(50);
  });

  it('creates 60 calendar links for one person at the same moment, leaving one in use', async () => {
    const { organisation } = await createOrganisation();
    const person = actorFor(await createPerson(organisation.id), ['worker']);
    const { failures } = await allAtOnce(Array.from({ length: 60 }, () => () => createCalendarLink(contextFor(person, { ipAddress: 'ip' }))));
    expect(failures, failures.slice(0, 3).join('\n')).to.have.length(0);
    expect(await SupervisionCalendarToken.count({ where: { personId: person.id } })).to.equal(60);
    expect(await SupervisionCalendarToken.count({ where: { personId: person.id, revokedAt: null } })).to.equal(1);
  });
});
