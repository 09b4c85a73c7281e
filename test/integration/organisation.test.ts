// Teams, locations and what managers manage; the home page's attention items built on them.
import { expect } from 'chai';
import { checkDatabase } from '#app/domain/health.server.ts';
import { attentionFor } from '#app/domain/home.server.ts';
import { addLocation, addManagerScope, addTeam, getOrganisationStructure, moveTeam } from '#app/domain/organisation.server.ts';
import { managedTeamIds, managerReach, relationshipTo } from '#app/domain/relationships.server.ts';
import { listManagedTeam } from '#app/domain/team.server.ts';
import { Forbidden, ValidationError } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { Location, ManagerScope, Team } from '#db/models/index.ts';
import { actorFor, createPerson, createStaffedOrganisation, makeManagerOf } from '#test/factories/index.ts';

describe('organisation structure', () => {
  it('a manager of a whole location manages every team there, and only those', async () => {
    const { organisation, location, team, admin, worker } = await createStaffedOrganisation();
    const secondTeam = await Team.create({ organisationId: organisation.id, name: 'Night team', locationId: location.id });
    const elsewhere = await Location.create({ organisationId: organisation.id, name: 'Elsewhere', address: null });
    const otherTeam = await Team.create({ organisationId: organisation.id, name: 'Other team', locationId: elsewhere.id });
    const managerPerson = await createPerson(organisation.id, { roles: ['manager'] });
    await makeManagerOf(managerPerson.id, organisation.id, { locationId: location.id });
    const manager = actorFor(managerPerson, ['manager']);
    const ids = await managedTeamIds(manager);
    expect(ids.sort()).to.deep.equal([team.id, secondTeam.id].sort());
    expect(ids).not.to.include(otherTeam.id);
    const members = (await listManagedTeam(manager)).flatMap((group) => group.members.map((member) => member.id));
    expect(members).to.include(worker.id);
    expect(members).not.to.include(admin.id);
  });

  it('lists a managed team with each member’s line supervisor and flags those without', async () => {
    const { manager, supervisor, worker } = await createStaffedOrganisation();
    const [team] = await listManagedTeam(manager);
    const byId = new Map(team!.members.map((member) => [member.id, member]));
    expect(byId.get(worker.id)?.lineSupervisorName).to.equal(supervisor.name);
    const home = await attentionFor(manager);
    const managerSection = home.find((section) => section.role === 'manager');
    expect(managerSection?.items[0]?.count).to.equal(3);
    // The manager has no line supervisor, and the supervisor's is the manager, who lacks the supervisor role: the home
    // page counts exactly who the team page shows as "None", the manager included, so the two agree.
    const none = team!.members.filter((member) => member.lineSupervisorName === null).length;
    expect(none).to.equal(2);
    expect(managerSection?.items[1]).to.deep.include({ count: none, href: '/team' });
  });

  it('admins add locations, teams and management responsibilities; duplicates are field errors', async () => {
    const { admin, manager } = await createStaffedOrganisation();
    await addLocation(contextFor(admin, { ipAddress: 'ip' }), { name: 'Harbour View', address: '1 Quay Street' });
    const duplicate = await addLocation(contextFor(admin, { ipAddress: 'ip' }), { name: 'Harbour View' }).catch((error) => error);
    expect(duplicate).to.be.instanceOf(ValidationError);
    const structure = await getOrganisationStructure(admin);
    const harbour = structure.locations.find((location) => location.name === 'Harbour View')!;
    await addTeam(contextFor(admin, { ipAddress: 'ip' }), { name: 'Harbour team', locationId: harbour.id });
    await addManagerScope(contextFor(admin, { ipAddress: 'ip' }), { managerId: manager.id, scope: `location:${harbour.id}` });
    const after = await getOrganisationStructure(admin);
    expect(after.teams.find((team) => team.name === 'Harbour team')?.locationName).to.equal('Harbour View');
    expect(after.managers.find((row) => row.id === manager.id)?.manages.map((scope) => scope.label)).to.include('Location: Harbour View');
  });

  it('refuses structure changes from non-admins and references to another organisation', async () => {
    const one = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    expect(await addTeam(contextFor(one.manager, { ipAddress: 'ip' }), { name: 'Sneaky' }).catch((error) => error)).to.be.instanceOf(Forbidden);
    const foreign = await addTeam(contextFor(one.admin, { ipAddress: 'ip' }), { name: 'Cross', locationId: other.location.id }).catch((error) => error);
    expect(foreign).to.be.instanceOf(ValidationError);
    const foreignScope = await addManagerScope(contextFor(one.admin, { ipAddress: 'ip' }), { managerId: one.manager.id, scope: `team:${other.team.id}` }).catch((error) => error);
    expect(foreignScope).to.be.instanceOf(ValidationError);
  });

  it('a manager of a team manages the teams within it, however deep, and not the team above; moving a team moves that', async () => {
    const { organisation, team, admin, manager, worker } = await createStaffedOrganisation();
    const ctx = contextFor(admin, { ipAddress: 'ip' });
    await addTeam(ctx, { name: 'Evening line', parentTeamId: team.id });
    const evening = (await Team.findOne({ where: { organisationId: organisation.id, name: 'Evening line' } }))!;
    await addTeam(ctx, { name: 'Weekend evenings', parentTeamId: evening.id });
    const weekend = (await Team.findOne({ where: { organisationId: organisation.id, name: 'Weekend evenings' } }))!;
    const eveningWorker = await createPerson(organisation.id, { roles: ['worker'], teamId: weekend.id });
    const eveningManager = actorFor(await createPerson(organisation.id, { roles: ['manager'] }), ['manager']);
    await makeManagerOf(eveningManager.id, organisation.id, { teamId: evening.id });

    expect((await managedTeamIds(manager)).sort()).to.deep.equal([team.id, evening.id, weekend.id].sort());
    expect((await relationshipTo(manager, eveningWorker.id)).relationship.manager).to.equal(true);
    expect((await managedTeamIds(eveningManager)).sort()).to.deep.equal([evening.id, weekend.id].sort());
    expect((await relationshipTo(eveningManager, worker.id)).relationship.manager).to.equal(false);
    const structure = await getOrganisationStructure(admin);
    expect(structure.teams.map((row) => row.path)).to.include.members([team.name, `${team.name} › Evening line`, `${team.name} › Evening line › Weekend evenings`]);

    // Out from under the team: its manager no longer manages it.
    await moveTeam(ctx, { teamId: weekend.id });
    expect((await managedTeamIds(manager)).sort()).to.deep.equal([team.id, evening.id].sort());
    expect((await relationshipTo(manager, eveningWorker.id)).relationship.manager).to.equal(false);
    expect((await Team.findByPk(weekend.id))!.parentTeamId).to.equal(null);
  });

  it('refuses a team within itself or within a team inside it, and a parent of another organisation, changing nothing', async () => {
    const { organisation, team, admin } = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    const ctx = contextFor(admin, { ipAddress: 'ip' });
    await addTeam(ctx, { name: 'Evening line', parentTeamId: team.id });
    const evening = (await Team.findOne({ where: { organisationId: organisation.id, name: 'Evening line' } }))!;

    const itself = await moveTeam(ctx, { teamId: team.id, parentTeamId: team.id }).catch((error) => error);
    expect(itself).to.be.instanceOf(ValidationError);
    expect((itself as ValidationError).fieldErrors.parentTeamId).to.deep.equal([`${team.name} cannot be part of itself or of a team within it`]);
    const within = await moveTeam(ctx, { teamId: team.id, parentTeamId: evening.id }).catch((error) => error);
    expect((within as ValidationError).fieldErrors.parentTeamId).to.deep.equal([`${team.name} cannot be part of itself or of a team within it`]);
    const foreignParent = await moveTeam(ctx, { teamId: evening.id, parentTeamId: other.team.id }).catch((error) => error);
    expect((foreignParent as ValidationError).fieldErrors.parentTeamId).to.deep.equal(['Select a team from the list']);
    const foreignTeam = await moveTeam(ctx, { teamId: other.team.id, parentTeamId: team.id }).catch((error) => error);
    expect((foreignTeam as ValidationError).fieldErrors.teamId).to.deep.equal(['Select a team from the list']);
    const foreignOnAdd = await addTeam(ctx, { name: 'Cross', parentTeamId: other.team.id }).catch((error) => error);
    expect((foreignOnAdd as ValidationError).fieldErrors.parentTeamId).to.deep.equal(['Select a team from the list']);

    expect((await Team.findByPk(team.id))!.parentTeamId).to.equal(null);
    expect((await Team.findByPk(evening.id))!.parentTeamId).to.equal(team.id);
    expect((await Team.findByPk(other.team.id))!.parentTeamId).to.equal(null);
    expect(await Team.count({ where: { organisationId: organisation.id, name: 'Cross' } })).to.equal(0);
  });

  it('reports the database as reachable', async () => {
    expect(await checkDatabase()).to.equal(true);
  });
});

describe('the teams a manager manages, asked once per actor', () => {
  it('answers from memory for the same actor, and afresh after any change to manager scopes or teams', async () => {
    const { organisation, location, team, admin, manager } = await createStaffedOrganisation();
    const first = managerReach(manager);
    expect(managerReach(manager)).to.equal(first);
    expect((await first).teamIds).to.deep.equal([team.id]);

    const elsewhere = await Location.create({ organisationId: organisation.id, name: 'Elsewhere', address: null });
    await addManagerScope(contextFor(admin), { managerId: manager.id, scope: `location:${elsewhere.id}` });
    expect(await managedTeamIds(manager)).to.deep.equal([team.id]);
    await addTeam(contextFor(admin), { name: 'Night team', locationId: elsewhere.id });
    const night = (await Team.findOne({ where: { organisationId: organisation.id, name: 'Night team' } }))!;
    expect((await managedTeamIds(manager)).sort()).to.deep.equal([team.id, night.id].sort());

    const scope = await makeManagerOf(manager.id, organisation.id, { locationId: location.id });
    await scope.destroy();
    await ManagerScope.destroy({ where: { managerId: manager.id, locationId: elsewhere.id } });
    expect(await managedTeamIds(manager)).to.deep.equal([team.id]);
  });
});
