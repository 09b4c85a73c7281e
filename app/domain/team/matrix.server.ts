// The manager's team page: the people they manage by the standards their roles require, each cell counting the items
// met, not yet met, submitted, with evidence mapped or with nothing; drilled down to one standard's sections and one
// section's items; and beside each person what needs the manager's attention. A fixed number of statements whatever
// the size of the team: every read is for all the people at once (cells: matrix-counts.server.ts and
// matrix-columns.ts; people and flags: matrix-flags.server.ts).
import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import { today } from '#app/utils/dates/index.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import { sequelize } from '#db/models/index.ts';
import { managerReach } from '../relationships.server.ts';
import { teamPath, teamsWithin } from '../team-tree.ts';
import { EMPTY_CELL, addCells, sortRows, type Cell, type MatrixSort } from './matrix-cells.ts';
import { columnsOf, drilledCells, gapsAcross, standardCells, type MatrixLevel } from './matrix-columns.ts';
import { drilledCounts, holdingsOf, itemsOf } from './matrix-counts.server.ts';
import { flagCountOf, teamFlags, teamPeople, type PersonFlags } from './matrix-flags.server.ts';
import type { ShownPeople } from './shown-people.ts';

export type { MatrixColumn, MatrixLevel } from './matrix-columns.ts';
export type { PersonFlags } from './matrix-flags.server.ts';

const Id = z.string().regex(/^[1-9]\d{0,9}$/).transform(Number);
const QuerySchema = z.object({
  location: Id.optional(),
  team: Id.optional(),
  role: Id.optional(),
  standard: z.string().min(1).max(100).optional(),
  section: z.string().min(1).max(300).optional(),
});

/** The organisation's role profiles to filter by, by name. */
async function roleProfilesOf(organisationId: number): Promise<{ id: number; name: string }[]> {
  const rows = await sequelize.query<{ id: number | string; name: string }>('SELECT id, name FROM role_profiles WHERE organisation_id = :organisationId', {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { organisationId },
  });
  return rows.map((row) => ({ id: Number(row.id), name: row.name })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export type MatrixRow = {
  id: number;
  name: string;
  jobTitle: string | null;
  teamName: string;
  roleProfiles: string[];
  /** One per column; null where the person does not hold that standard (or that section, that item). */
  cells: (Cell | null)[];
  gaps: number;
  flags: PersonFlags;
  flagCount: number;
};

/**
 * The team page for a manager. `query` is the page's query string: location, team and role (ids) filter the people;
 * standard (URN) and section (name) drill down; sort is gaps (most first) or name. A team, location, role profile,
 * standard or section outside what the manager sees is not found.
 */
export async function teamMatrix(actor: Actor, query: Record<string, string | undefined>, todayDate = today()) {
  assertCan(actor, 'read:team:managed');
  const parsed = QuerySchema.safeParse(Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== '')));
  if (!parsed.success) throw new NotFound('Team');
  const filters = parsed.data;
  const sort: MatrixSort = query.sort === 'name' ? 'name' : 'gaps';
  if (filters.section !== undefined && filters.standard === undefined) throw new NotFound('Section');

  const [reach, roleProfiles] = await Promise.all([managerReach(actor), roleProfilesOf(actor.organisationId)]);
  const managed = new Set(reach.teamIds);
  const teams = reach.organisationTeams.filter((team) => managed.has(team.id));
  const locations = [...new Map(teams.flatMap((team) => (team.locationId !== null ? [[team.locationId, { id: team.locationId, name: team.locationName ?? '' }] as const] : []))).values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  if (filters.team !== undefined && !teams.some((team) => team.id === filters.team)) throw new NotFound('Team');
  if (filters.location !== undefined && !locations.some((location) => location.id === filters.location)) throw new NotFound('Location');
  if (filters.role !== undefined && !roleProfiles.some((profile) => profile.id === filters.role)) throw new NotFound('Role profile');
  // A team chosen brings the teams within it.
  const withinChosen = filters.team === undefined ? null : new Set(teamsWithin(teams, [filters.team]));
  const chosenTeams = teams.filter((team) => (withinChosen === null || withinChosen.has(team.id)) && (filters.location === undefined || team.locationId === filters.location));
  const teamName = new Map(chosenTeams.map((team) => [team.id, team.name]));

  // Every statement selects the people shown by one subquery, so all are sent at once.
  const showing: ShownPeople = { organisationId: actor.organisationId, teamIds: chosenTeams.map((team) => team.id), roleProfileId: filters.role };
  const level: MatrixLevel = filters.section !== undefined ? 'items' : filters.standard !== undefined ? 'sections' : 'standards';
  const [people, holdings, items, drilled, flagsFor] = await Promise.all([
    teamPeople(showing, todayDate),
    holdingsOf(showing),
    itemsOf(showing, filters.standard),
    level === 'standards' ? Promise.resolve([]) : drilledCounts(showing, filters.standard!, filters.section),
    teamFlags(showing, todayDate),
  ]);

  const heldVersions = new Map<number, number[]>();
  for (const holding of holdings) {
    const held = heldVersions.get(holding.personId);
    if (held) held.push(holding.standardVersionId);
    else heldVersions.set(holding.personId, [holding.standardVersionId]);
  }
  const urns = [...new Set(holdings.map((holding) => holding.urn))].sort();
  if (filters.standard !== undefined && !urns.includes(filters.standard)) throw new NotFound('Standard');
  const columns = columnsOf(holdings, items, level, filters.section);
  if (filters.section !== undefined && !columns.length) throw new NotFound('Section');

  const overallCells = standardCells(holdings, urns);
  const shownCells =
    level === 'standards'
      ? overallCells
      : drilledCells(drilled, items, level, filters.section, columns.map((column) => column.key), heldVersions);

  const rows: MatrixRow[] = people.map((person) => {
    const flags = flagsFor.flagsOf(person, gapsAcross(overallCells(person.id)));
    const cells = shownCells(person.id);
    return {
      id: person.id,
      name: person.name,
      jobTitle: person.jobTitle,
      teamName: teamName.get(person.teamId ?? 0) ?? '',
      roleProfiles: flagsFor.roleProfilesOf(person),
      cells,
      gaps: gapsAcross(cells),
      flags,
      flagCount: flagCountOf(flags),
    };
  });
  // With the drill-down, only the people who hold that standard (that section) are shown.
  const shown = level === 'standards' ? rows : rows.filter((row) => row.cells.some((cell) => cell !== null));
  const standard = filters.standard !== undefined ? holdings.filter((holding) => holding.urn === filters.standard).sort((a, b) => b.standardVersionId - a.standardVersionId)[0]! : null;
  return {
    managesTeams: teams.length > 0,
    filters: { location: filters.location ?? null, team: filters.team ?? null, role: filters.role ?? null, sort },
    options: {
      locations,
      teams: teams
        .map((team) => ({ id: team.id, name: teamPath(teams, team.id), locationName: team.locationName }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
      roleProfiles,
    },
    level,
    standard: standard ? { urn: standard.urn, title: standard.title } : null,
    section: filters.section ?? null,
    columns,
    totals: columns.map((_, column) => shown.reduce((sum, row) => (row.cells[column] ? addCells(sum, row.cells[column]!) : sum), EMPTY_CELL)),
    rows: sortRows(shown, sort),
  };
}

export type TeamMatrix = Awaited<ReturnType<typeof teamMatrix>>;

