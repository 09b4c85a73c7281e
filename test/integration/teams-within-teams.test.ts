// Teams within teams in the manager's pages: choosing a team on the team page brings the people of the teams within
// it, named with the team above; team portfolios of a team count and make the people of the teams within it too.
import { expect } from 'chai';
import { portfolioBatchChoices } from '#app/domain/portfolio/batches.server.ts';
import { teamMatrix } from '#app/domain/team/matrix.server.ts';
import { findTeamScope } from '#app/domain/team/scopes.server.ts';
import { Team } from '#db/models/index.ts';
import { createPerson, createStaffedOrganisation } from '#test/factories/index.ts';

async function organisationWithEveningLine() {
  const org = await createStaffedOrganisation();
  const evening = await Team.create({ organisationId: org.organisation.id, name: 'Evening line', locationId: null, parentTeamId: org.team.id });
  const eveningWorker = await createPerson(org.organisation.id, { name: 'Evelyn Night', roles: ['worker'], teamId: evening.id });
  return { ...org, evening, eveningWorker };
}

describe('teams within teams', () => {
  it('the team page: a team chosen brings the people of the teams within it; the team within alone, only its own', async () => {
    const org = await organisationWithEveningLine();
    const all = await teamMatrix(org.manager, {});
    expect(all.rows.map((row) => row.id)).to.include.members([org.worker.id, org.eveningWorker.id]);
    expect(all.options.teams.map((team) => team.name)).to.include.members([org.team.name, `${org.team.name} › Evening line`]);

    const outer = await teamMatrix(org.manager, { team: String(org.team.id) });
    expect(outer.rows.map((row) => row.id)).to.include.members([org.worker.id, org.eveningWorker.id]);
    const inner = await teamMatrix(org.manager, { team: String(org.evening.id) });
    expect(inner.rows.map((row) => row.id)).to.deep.equal([org.eveningWorker.id]);
    expect(inner.rows[0]!.teamName).to.equal('Evening line');
  });

  it('team portfolios: a team’s people include those of the teams within it, and the team is named with the one above', async () => {
    const org = await createStaffedOrganisation();
    const peopleOf = async (value: string) => (await portfolioBatchChoices(org.manager)).scopes.find((choice) => choice.value === value);
    const before = (await peopleOf(`team:${org.team.id}`))!.people;
    const evening = await Team.create({ organisationId: org.organisation.id, name: 'Evening line', locationId: null, parentTeamId: org.team.id });
    await createPerson(org.organisation.id, { roles: ['worker'], teamId: evening.id });

    expect((await findTeamScope(org.manager, `team:${org.team.id}`))!.teamIds.sort()).to.deep.equal([org.team.id, evening.id].sort());
    expect((await peopleOf(`team:${org.team.id}`))!.people).to.equal(before + 1);
    expect(await peopleOf(`team:${evening.id}`)).to.include({ name: `${org.team.name} › Evening line`, people: 1 });
  });
});
