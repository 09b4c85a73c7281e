// Teams within teams: the teams below a team, a move that would put a team inside itself, a team's name with those above.
import { expect } from 'chai';
import { teamPath, teamsWithin, wouldBeWithinItself } from '#app/domain/team-tree.ts';

const teams = [
  { id: 1, name: 'Adult Services', parentTeamId: null },
  { id: 2, name: 'Customer Contact', parentTeamId: 1 },
  { id: 3, name: 'Evening line', parentTeamId: 2 },
  { id: 4, name: 'Reablement', parentTeamId: 1 },
  { id: 5, name: 'Community Support', parentTeamId: null },
];

describe('teams within teams', () => {
  it('gives a team with every team below it, however deep, and nothing beside or above it', () => {
    expect(teamsWithin(teams, [2]).sort()).to.deep.equal([2, 3]);
    expect(teamsWithin(teams, [1]).sort()).to.deep.equal([1, 2, 3, 4]);
    expect(teamsWithin(teams, [3, 5]).sort()).to.deep.equal([3, 5]);
    expect(teamsWithin(teams, [1, 2]).sort(), 'each once').to.deep.equal([1, 2, 3, 4]);
    expect(teamsWithin(teams, [])).to.deep.equal([]);
  });

  it('ends even if the stored teams form a loop', () => {
    const looped = [{ id: 1, parentTeamId: 2 }, { id: 2, parentTeamId: 1 }];
    expect(teamsWithin(looped, [1]).sort()).to.deep.equal([1, 2]);
    expect(teamPath([{ id: 1, name: 'A', parentTeamId: 2 }, { id: 2, name: 'B', parentTeamId: 1 }], 1)).to.equal('B › A');
  });

  it('says when a move would put a team inside itself or inside a team below it', () => {
    expect(wouldBeWithinItself(teams, 1, 1)).to.equal(true);
    expect(wouldBeWithinItself(teams, 1, 3)).to.equal(true);
    expect(wouldBeWithinItself(teams, 3, 1)).to.equal(false);
    expect(wouldBeWithinItself(teams, 2, 4)).to.equal(false);
  });

  it('names a team with the teams above it, outermost first', () => {
    expect(teamPath(teams, 3)).to.equal('Adult Services › Customer Contact › Evening line');
    expect(teamPath(teams, 5)).to.equal('Community Support');
    expect(teamPath(teams, 99)).to.equal('');
  });
});
