// A manager's pages ask "which teams and people does this person oversee" in several places: each answer is looked
// up once per request (per actor object), so no statement is sent twice, and a write in between is still seen.
import { expect } from 'chai';
import { attentionFor } from '#app/domain/home.server.ts';
import { scopedWorkers } from '#app/domain/supervision/agreements.server.ts';
import { overdueOverview } from '#app/domain/supervision/overdue.server.ts';
import { Person, sequelize } from '#db/models/index.ts';
import { actorFor, createPerson, createStaffedOrganisation } from '#test/factories/index.ts';

async function statementsOf(call: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  sequelize.addHook('afterQuery', 'requestLookups', (_options, query) => {
    const sql = (query as unknown as { sql?: string }).sql;
    if (sql) statements.push(sql.trim());
  });
  try {
    await call();
  } finally {
    sequelize.removeHook('afterQuery', 'requestLookups');
  }
  return statements;
}

describe('lookups once per request', () => {
  it('the manager’s home page and overdue view send no statement twice', async () => {
    const org = await createStaffedOrganisation();
    for (let index = 0; index < 3; index += 1) {
      await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id, lineSupervisorId: index ? org.supervisor.id : null });
    }
    for (const call of [() => attentionFor(org.manager), () => overdueOverview(org.manager)]) {
      const statements = await statementsOf(call);
      const repeated = statements.filter((sql, index) => statements.indexOf(sql) !== index);
      expect(repeated, 'statements sent more than once').to.deep.equal([]);
    }
  });

  it('a person added to the team between two calls with the same actor is seen', async () => {
    const org = await createStaffedOrganisation();
    const before = (await scopedWorkers(org.manager)).map((person) => person.id);
    const joined = await createPerson(org.organisation.id, { roles: ['worker'], teamId: org.team.id });
    const after = (await scopedWorkers(org.manager)).map((person) => person.id);
    expect(before).not.to.include(joined.id);
    expect(after).to.include(joined.id);
    // A fresh actor object (a new request) gives the same answer.
    const manager = actorFor((await Person.findByPk(org.manager.id))!, org.manager.roles);
    expect((await scopedWorkers(manager)).map((person) => person.id)).to.have.members(after);
  });
});
