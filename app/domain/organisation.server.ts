// An organisation's structure: its locations, teams, and which teams or locations each manager manages.
import { Op, UniqueConstraintError, type Transaction } from 'sequelize';
import { ValidationError } from '#app/utils/errors.server.ts';
import { assertCan, assertSameOrganisation, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { Location, ManagerScope, Person, PersonRole, Team } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from './audit.server.ts';
import { teamPath, wouldBeWithinItself } from './team-tree.ts';
import { locked, write } from './write.server.ts';

export async function getOrganisationStructure(actor: Actor) {
  assertCan(actor, 'manage:organisation:org');
  const where = { organisationId: actor.organisationId };
  const [locations, teams, managers, scopes] = await Promise.all([
    Location.findAll({ where, order: [['name', 'ASC']] }),
    Team.findAll({ where, order: [['name', 'ASC']] }),
    Person.findAll({
      where: { ...where, deactivatedAt: null },
      include: [{ model: PersonRole, as: 'roles', where: { role: 'manager' }, attributes: [] }],
      order: [['name', 'ASC']],
      attributes: ['id', 'name'],
    }),
    ManagerScope.findAll({ where }),
  ]);
  // Scopes of someone who lost the manager role (or was deactivated) give no access; list them so they can be removed.
  const managerIds = new Set(managers.map((manager) => manager.id));
  const lapsedIds = [...new Set(scopes.map((scope) => scope.managerId).filter((id) => !managerIds.has(id)))];
  const lapsed = lapsedIds.length
    ? await Person.findAll({ where: { ...where, id: { [Op.in]: lapsedIds } }, order: [['name', 'ASC']], attributes: ['id', 'name'] })
    : [];
  const locationName = new Map(locations.map((location) => [location.id, location.name]));
  return {
    locations: locations.map((location) => ({ id: location.id, name: location.name, address: location.address })),
    teams: teams
      .map((team) => ({
        id: team.id,
        name: team.name,
        path: teamPath(teams, team.id),
        parentTeamId: team.parentTeamId,
        locationName: team.locationId ? (locationName.get(team.locationId) ?? null) : null,
      }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    managers: [...managers.map((manager) => ({ manager, holdsRole: true })), ...lapsed.map((manager) => ({ manager, holdsRole: false }))].map(({ manager, holdsRole }) => ({
      id: manager.id,
      name: manager.name,
      holdsRole,
      manages: scopes
        .filter((scope) => scope.managerId === manager.id)
        .map((scope) => ({
          scopeId: scope.id,
          label: scope.teamId
            ? `Team: ${teamPath(teams, scope.teamId)}`
            : `Location: ${locationName.get(scope.locationId ?? 0) ?? ''}`,
        })),
    })),
  };
}

export async function addLocation(ctx: DomainContext, input: { name: string; address?: string | undefined }) {
  const { actor } = ctx;
  assertCan(actor, 'manage:organisation:org');
  try {
    await write(ctx, {
      permission: 'manage:organisation:org',
      run: async (_, transaction, record) => {
        await Location.create(
          { organisationId: actor.organisationId, name: input.name, address: input.address ?? null },
          { transaction },
        );
        record({
          action: AUDIT_ACTIONS.organisationChanged,
          summary: `${actor.name} added the location ${input.name}`,
        });
      },
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw new ValidationError({ name: ['There is already a location with this name'] });
    throw error;
  }
}

/** The organisation's teams, for checking a parent inside a write. */
function teamsOf(organisationId: number, transaction: Transaction) {
  return Team.findAll({ where: { organisationId }, attributes: ['id', 'name', 'parentTeamId'], transaction });
}

const NOT_A_TEAM_OF_OURS = 'Select a team from the list';

export async function addTeam(ctx: DomainContext, input: { name: string; locationId?: number | undefined; parentTeamId?: number | undefined }) {
  const { actor } = ctx;
  try {
    await write(ctx, {
      permission: 'manage:organisation:org',
      load: async (transaction) => ({
        location: input.locationId !== undefined ? await Location.findByPk(input.locationId, { transaction }) : null,
        teams: await teamsOf(actor.organisationId, transaction),
      }),
      check: ({ location, teams }) => {
        if (input.locationId !== undefined && (!location || location.organisationId !== actor.organisationId)) {
          throw new ValidationError({ locationId: ['Select a location from the list'] });
        }
        if (input.parentTeamId !== undefined && !teams.some((team) => team.id === input.parentTeamId)) throw new ValidationError({ parentTeamId: [NOT_A_TEAM_OF_OURS] });
      },
      run: async (_, transaction) => {
        await Team.create(
          { organisationId: actor.organisationId, name: input.name, locationId: input.locationId ?? null, parentTeamId: input.parentTeamId ?? null },
          { transaction },
        );
      },
      audit: () => ({ action: AUDIT_ACTIONS.organisationChanged, summary: `${actor.name} added the team ${input.name}` }),
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw new ValidationError({ name: ['There is already a team with this name'] });
    throw error;
  }
}

/** Makes a team part of another (or of none, `parentTeamId` undefined); never of itself or of a team within it. */
export async function moveTeam(ctx: DomainContext, input: { teamId: number; parentTeamId?: number | undefined }) {
  const { actor } = ctx;
  await write(ctx, {
    permission: 'manage:organisation:org',
    load: async (transaction) => ({
      team: await Team.findOne({ where: { id: input.teamId, organisationId: actor.organisationId }, ...locked(transaction) }),
      teams: await teamsOf(actor.organisationId, transaction),
    }),
    check: ({ team, teams }) => {
      if (!team) throw new ValidationError({ teamId: [NOT_A_TEAM_OF_OURS] });
      if (input.parentTeamId === undefined) return;
      if (!teams.some((candidate) => candidate.id === input.parentTeamId)) throw new ValidationError({ parentTeamId: [NOT_A_TEAM_OF_OURS] });
      if (wouldBeWithinItself(teams, team.id, input.parentTeamId)) {
        throw new ValidationError({ parentTeamId: [`${team.name} cannot be part of itself or of a team within it`] });
      }
    },
    run: async ({ team }, transaction) => {
      await team!.update({ parentTeamId: input.parentTeamId ?? null }, { transaction });
    },
    audit: ({ team, teams }) => ({
      action: AUDIT_ACTIONS.organisationChanged,
      summary:
        input.parentTeamId === undefined
          ? `${actor.name} made the team ${team!.name} part of no other team`
          : `${actor.name} made the team ${team!.name} part of ${teamPath(teams, input.parentTeamId)}`,
    }),
  });
}

/** `scope` is "team:ID" or "location:ID", as the form's select offers them. */
export async function addManagerScope(ctx: DomainContext, input: { managerId: number; scope: string }) {
  const { actor } = ctx;
  const [kind, rawId] = input.scope.split(':');
  const id = Number(rawId);
  await write(ctx, {
    permission: 'manage:organisation:org',
    load: async (transaction) => {
      const manager = await Person.findOne({
        where: { id: input.managerId, organisationId: actor.organisationId, deactivatedAt: null },
        include: [{ model: PersonRole, as: 'roles', where: { role: 'manager' }, attributes: [] }],
        ...locked(transaction),
      });
      const target =
        kind === 'team' ? await Team.findByPk(id, { transaction }) : kind === 'location' ? await Location.findByPk(id, { transaction }) : null;
      return { manager, target };
    },
    check: ({ manager, target }) => {
      if (!manager) throw new ValidationError({ managerId: ['Select a manager from the list'] });
      if (!target || target.organisationId !== actor.organisationId) {
        throw new ValidationError({ scope: ['Select a team or location from the list'] });
      }
    },
    run: async ({ manager }, transaction) => {
      await ManagerScope.findOrCreate({
        where: {
          organisationId: actor.organisationId,
          managerId: manager!.id,
          teamId: kind === 'team' ? id : null,
          locationId: kind === 'location' ? id : null,
        },
        transaction,
      });
    },
    audit: ({ manager, target }) => ({
      action: AUDIT_ACTIONS.organisationChanged,
      summary: `${actor.name} made ${manager!.name} manager of ${kind} ${target!.name}`,
    }),
  });
}

export async function removeManagerScope(ctx: DomainContext, scopeId: number) {
  const { actor } = ctx;
  assertCan(actor, 'manage:organisation:org');
  await write(ctx, {
    permission: 'manage:organisation:org',
    run: async (_, transaction, record) => {
      const scope = assertSameOrganisation(actor, await ManagerScope.findByPk(scopeId, locked(transaction)), 'Manager scope');
      await scope.destroy({ transaction });
      record({
        action: AUDIT_ACTIONS.organisationChanged,
        summary: `${actor.name} removed a management responsibility`,
      });
    },
  });
}
