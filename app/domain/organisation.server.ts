// An organisation's structure: its locations, teams, and which teams or locations each manager manages.
import { Op, UniqueConstraintError } from 'sequelize';
import { ValidationError } from '#app/utils/errors.server.ts';
import { assertCan, assertSameOrganisation, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { Location, ManagerScope, Person, PersonRole, Team } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from './audit.server.ts';
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
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  return {
    locations: locations.map((location) => ({ id: location.id, name: location.name, address: location.address })),
    teams: teams.map((team) => ({
      id: team.id,
      name: team.name,
      locationName: team.locationId ? (locationName.get(team.locationId) ?? null) : null,
    })),
    managers: [...managers.map((manager) => ({ manager, holdsRole: true })), ...lapsed.map((manager) => ({ manager, holdsRole: false }))].map(({ manager, holdsRole }) => ({
      id: manager.id,
      name: manager.name,
      holdsRole,
      manages: scopes
        .filter((scope) => scope.managerId === manager.id)
        .map((scope) => ({
          scopeId: scope.id,
          label: scope.teamId
            ? `Team: ${teamName.get(scope.teamId) ?? ''}`
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

export async function addTeam(ctx: DomainContext, input: { name: string; locationId?: number | undefined }) {
  const { actor } = ctx;
  try {
    await write(ctx, {
      permission: 'manage:organisation:org',
      load: (transaction) => (input.locationId !== undefined ? Location.findByPk(input.locationId, { transaction }) : Promise.resolve(null)),
      check: (location) => {
        if (input.locationId !== undefined && (!location || location.organisationId !== actor.organisationId)) {
          throw new ValidationError({ locationId: ['Select a location from the list'] });
        }
      },
      run: async (_, transaction) => {
        await Team.create(
          { organisationId: actor.organisationId, name: input.name, locationId: input.locationId ?? null },
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
