// The manager's team page: the people they manage by the standards their roles require, each cell counting the items
// met, not yet met, submitted, with evidence mapped or with nothing; drilled down to one standard's sections and one
// section's items; and beside each person what needs the manager's attention. A fixed number of statements whatever
// the size of the team: every read below is for all the people at once.
import { Op, QueryTypes, literal } from 'sequelize';
import { z } from 'zod';
import { today } from '#app/utils/dates/index.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import { Location, Person, PersonRole, RoleAssignment, RoleProfile, SupervisionAgreement, Team, sequelize } from '#db/models/index.ts';
import { heldStandardsOf, type HeldStandard } from '../evidence/internal/held-items.server.ts';
import type { ItemState } from '../evidence-types.ts';
import { managedTeamIds, supervisorsAmong } from '../relationships.server.ts';
import { overdueFor } from '../supervision/internal/overdue.server.ts';
import { AGREEMENT_STATUS } from '../supervision/statuses.ts';
import { EMPTY_CELL, addCells, cellOf, gapsOf, sortRows, type Cell, type MatrixSort } from './matrix-cells.ts';
import { pdpStandingOf, type PdpStanding } from './pdp-standing.server.ts';

const Id = z.string().regex(/^[1-9]\d{0,9}$/).transform(Number);
const QuerySchema = z.object({
  location: Id.optional(),
  team: Id.optional(),
  role: Id.optional(),
  standard: z.string().min(1).max(100).optional(),
  section: z.string().min(1).max(300).optional(),
});

export type MatrixLevel = 'standards' | 'sections' | 'items';
export type MatrixColumn = { key: string; label: string; text?: string };
export type PersonFlags = {
  noLineSupervisor: boolean;
  supervisionOverdue: { dueBy: string; lastHeld: string | null } | null;
  noAgreement: boolean;
  recordsLate: number;
  pdp: PdpStanding['status'] | null;
  pdpAgreedOn: string | null;
  unacknowledgedPolicies: number;
  passedTargets: { roleProfileName: string; targetDate: string }[];
};
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

type CountRow = { workerId: number; versionId: number; key: string | number | null; state: ItemState; n: number | string };

/** Counts of the projection's states (ADR 023) per worker, held version and column: whole standards, sections or items. */
function countsSql(level: MatrixLevel, section: boolean) {
  const key = level === 'standards' ? '' : level === 'sections' ? ', i.section' : ', i.id';
  return `
SELECT w.worker_id AS "workerId", i.standard_version_id AS "versionId"${key ? `${key} AS "key"` : ''}, w.state, COUNT(*) AS "n"
FROM worker_item_states w
JOIN standard_items i ON i.id = w.standard_item_id
${level === 'standards' ? '' : 'JOIN standard_versions v ON v.id = i.standard_version_id JOIN standards s ON s.id = v.standard_id'}
WHERE w.worker_id IN (:workerIds)${level === 'standards' ? '' : ' AND s.urn = :urn'}${section ? ' AND i.section = :section' : ''}
GROUP BY w.worker_id, i.standard_version_id${key}, w.state`;
}

function countStates(level: MatrixLevel, workerIds: number[], urn?: string, section?: string) {
  if (!workerIds.length) return Promise.resolve([] as CountRow[]);
  return sequelize.query<CountRow>(countsSql(level, section !== undefined), {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { workerIds, urn: urn ?? null, section: section ?? null },
  });
}

const UNACKNOWLEDGED_SQL = `
SELECT p.id AS "workerId", COUNT(*) AS "n"
FROM people p
JOIN policy_versions v ON v.organisation_id = p.organisation_id AND v.is_current = :current
LEFT JOIN policy_acknowledgements a ON a.policy_version_id = v.id AND a.person_id = p.id
WHERE p.id IN (:workerIds) AND a.id IS NULL
GROUP BY p.id`;

/** How many current policies each person has not acknowledged; people with none are not in the map. One statement. */
async function unacknowledgedPolicies(workerIds: number[]): Promise<Map<number, number>> {
  if (!workerIds.length) return new Map();
  const rows = await sequelize.query<{ workerId: number; n: number | string }>(UNACKNOWLEDGED_SQL, {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { workerIds, current: true },
  });
  return new Map(rows.map((row) => [Number(row.workerId), Number(row.n)]));
}

/** Per held version: the columns its items fall in at this level, with how many items each. */
function columnTotals(standards: HeldStandard[], level: MatrixLevel, urn: string | undefined, section: string | undefined) {
  const totals = new Map<number, Map<string, number>>();
  const keyOfItem = new Map<number, string>();
  for (const standard of standards) {
    if (totals.has(standard.standardVersionId) || (urn !== undefined && standard.urn !== urn)) continue;
    const byColumn = new Map<string, number>();
    for (const item of standard.items) {
      if (section !== undefined && item.section !== section) continue;
      const key = level === 'standards' ? standard.urn : level === 'sections' ? item.section : item.code;
      keyOfItem.set(item.id, key);
      byColumn.set(key, (byColumn.get(key) ?? 0) + 1);
    }
    totals.set(standard.standardVersionId, byColumn);
  }
  return { totals, keyOfItem };
}

/** The columns in the order of the standards (by URN), of the items within a standard (sections, items). */
function columnsOf(standards: HeldStandard[], level: MatrixLevel, urn: string | undefined, section: string | undefined): MatrixColumn[] {
  const columns = new Map<string, MatrixColumn>();
  const sorted = [...standards].sort((a, b) => a.urn.localeCompare(b.urn) || b.standardVersionId - a.standardVersionId);
  for (const standard of sorted) {
    if (urn !== undefined && standard.urn !== urn) continue;
    if (level === 'standards') {
      if (!columns.has(standard.urn)) columns.set(standard.urn, { key: standard.urn, label: standard.urn, text: standard.title });
      continue;
    }
    for (const item of standard.items) {
      if (section !== undefined && item.section !== section) continue;
      const key = level === 'sections' ? item.section : item.code;
      if (!columns.has(key)) columns.set(key, level === 'sections' ? { key, label: key } : { key, label: key, text: item.text });
    }
  }
  return [...columns.values()];
}

function gapsAcross(cells: (Cell | null)[]) {
  return cells.reduce((sum, cell) => sum + (cell ? gapsOf(cell) : 0), 0);
}

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

  const teamIds = await managedTeamIds(actor);
  const [teams, roleProfiles] = await Promise.all([
    Team.findAll({
      where: { organisationId: actor.organisationId, id: { [Op.in]: teamIds } },
      attributes: ['id', 'name', 'locationId'],
      include: [{ model: Location, as: 'location', attributes: ['id', 'name'], required: false }],
      order: [['name', 'ASC']],
    }),
    RoleProfile.findAll({ where: { organisationId: actor.organisationId }, attributes: ['id', 'name'], order: [['name', 'ASC']] }),
  ]);
  const locations = [...new Map(teams.flatMap((team) => (team.location ? [[team.location.id, { id: team.location.id, name: team.location.name }] as const] : []))).values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  if (filters.team !== undefined && !teams.some((team) => team.id === filters.team)) throw new NotFound('Team');
  if (filters.location !== undefined && !locations.some((location) => location.id === filters.location)) throw new NotFound('Location');
  if (filters.role !== undefined && !roleProfiles.some((profile) => profile.id === filters.role)) throw new NotFound('Role profile');
  const chosenTeams = teams.filter((team) => (filters.team === undefined || team.id === filters.team) && (filters.location === undefined || team.locationId === filters.location));
  const teamName = new Map(chosenTeams.map((team) => [team.id, team.name]));

  const people = chosenTeams.length
    ? await Person.findAll({
        where: {
          organisationId: actor.organisationId,
          teamId: { [Op.in]: chosenTeams.map((team) => team.id) },
          deactivatedAt: null,
          ...(filters.role !== undefined
            ? { id: { [Op.in]: literal(`(SELECT person_id FROM role_assignments WHERE ended_on IS NULL AND role_profile_id = ${filters.role})`) } }
            : {}),
        },
        attributes: ['id', 'name', 'jobTitle', 'teamId', 'lineSupervisorId'],
        include: [{ model: PersonRole, as: 'roles', attributes: ['role'] }],
        order: [['name', 'ASC']],
      })
    : [];
  const ids = people.map((person) => person.id);
  const level: MatrixLevel = filters.section !== undefined ? 'items' : filters.standard !== undefined ? 'sections' : 'standards';

  const [held, overall, drilled, supervisors, assignments, overdue, agreements, pdp, policies] = await Promise.all([
    heldStandardsOf(ids),
    countStates('standards', ids),
    level === 'standards' ? Promise.resolve(null) : countStates(level, ids, filters.standard, filters.section),
    supervisorsAmong(actor.organisationId, people.map((person) => person.lineSupervisorId)),
    ids.length
      ? RoleAssignment.findAll({
          where: { personId: { [Op.in]: ids }, endedOn: null },
          attributes: ['id', 'personId', 'targetDate'],
          include: [{ model: RoleProfile, as: 'roleProfile', attributes: ['name'] }],
          order: [['targetDate', 'ASC'], ['id', 'ASC']],
        })
      : [],
    overdueFor(people.map((person) => ({ id: person.id, name: person.name })), todayDate),
    ids.length ? SupervisionAgreement.findAll({ where: { workerId: { [Op.in]: ids }, status: AGREEMENT_STATUS.active }, attributes: ['workerId'] }) : [],
    pdpStandingOf(ids, todayDate),
    unacknowledgedPolicies(ids),
  ]);

  const allHeld = [...held.values()].flat();
  const heldUrns = new Set(allHeld.map((standard) => standard.urn));
  if (filters.standard !== undefined && !heldUrns.has(filters.standard)) throw new NotFound('Standard');
  const columns = columnsOf(allHeld, level, filters.standard, filters.section);
  if (filters.section !== undefined && !columns.length) throw new NotFound('Section');
  const columnIndex = new Map(columns.map((column, index) => [column.key, index]));
  const standardTotals = columnTotals(allHeld, 'standards', undefined, undefined);
  const levelTotals = level === 'standards' ? standardTotals : columnTotals(allHeld, level, filters.standard, filters.section);

  // Per worker and column, the counts of each state; the items with nothing make up the rest of the column's total.
  function cellsFrom(rows: CountRow[], totals: ReturnType<typeof columnTotals>, width: number, index: Map<string, number>, keyOfRow: (row: CountRow) => string | undefined) {
    const counts = new Map<number, Partial<Record<ItemState, number>>[]>();
    for (const row of rows) {
      const workerId = Number(row.workerId);
      const column = index.get(keyOfRow(row) ?? '');
      if (column === undefined || !totals.totals.has(Number(row.versionId))) continue;
      const list = counts.get(workerId) ?? Array.from({ length: width }, (): Partial<Record<ItemState, number>> => ({}));
      list[column]![row.state] = (list[column]![row.state] ?? 0) + Number(row.n);
      counts.set(workerId, list);
    }
    return (workerId: number): (Cell | null)[] => {
      const totalsOf = new Array<number>(width).fill(0);
      const heldVersions = new Set((held.get(workerId) ?? []).map((standard) => standard.standardVersionId));
      for (const versionId of heldVersions) {
        for (const [key, total] of totals.totals.get(versionId) ?? []) {
          const column = index.get(key)!;
          totalsOf[column] = (totalsOf[column] ?? 0) + total;
        }
      }
      const mine = counts.get(workerId);
      return totalsOf.map((total, column) => (total === 0 ? null : cellOf(total, mine?.[column] ?? {})));
    };
  }
  const urnOfVersion = new Map(allHeld.map((standard) => [standard.standardVersionId, standard.urn]));
  const urnColumns = [...heldUrns].sort();
  const overallCells = cellsFrom(overall, standardTotals, urnColumns.length, new Map(urnColumns.map((urn, index) => [urn, index])), (row) => urnOfVersion.get(Number(row.versionId)));
  const shownCells =
    level === 'standards'
      ? cellsFrom(overall, standardTotals, columns.length, columnIndex, (row) => urnOfVersion.get(Number(row.versionId)))
      : cellsFrom(drilled ?? [], levelTotals, columns.length, columnIndex, (row) =>
          level === 'sections' ? String(row.key) : levelTotals.keyOfItem.get(Number(row.key)),
        );

  const active = new Set(agreements.map((row) => row.workerId));
  const sessionsDue = new Map(overdue.sessions.map((row) => [row.workerId, row]));
  const recordsLate = new Map<number, number>();
  for (const record of overdue.records) recordsLate.set(record.workerId, (recordsLate.get(record.workerId) ?? 0) + 1);
  const rolesOf = new Map<number, RoleAssignment[]>();
  for (const assignment of assignments) rolesOf.set(assignment.personId, [...(rolesOf.get(assignment.personId) ?? []), assignment]);

  const rows: MatrixRow[] = people.map((person) => {
    const roles = rolesOf.get(person.id) ?? [];
    const supervised = person.lineSupervisorId !== null || (person.roles ?? []).some((row) => row.role === 'worker');
    const overallGaps = gapsAcross(overallCells(person.id));
    const standing = pdp.get(person.id) ?? null;
    const due = sessionsDue.get(person.id);
    const flags: PersonFlags = {
      noLineSupervisor: supervised && !supervisors.has(person.lineSupervisorId ?? 0),
      supervisionOverdue: due ? { dueBy: due.dueBy, lastHeld: due.lastHeld } : null,
      noAgreement: supervised && !active.has(person.id),
      recordsLate: recordsLate.get(person.id) ?? 0,
      // A PDP is missing only where there is something to develop; a stale one is stale whatever the gaps.
      pdp: standing?.status === 'stale' ? 'stale' : standing?.status === 'missing' && overallGaps > 0 ? 'missing' : null,
      pdpAgreedOn: standing?.agreedOn ?? null,
      unacknowledgedPolicies: policies.get(person.id) ?? 0,
      passedTargets: roles
        .filter((row) => row.targetDate < todayDate)
        .map((row) => ({ roleProfileName: row.roleProfile?.name ?? '', targetDate: row.targetDate })),
    };
    const cells = shownCells(person.id);
    return {
      id: person.id,
      name: person.name,
      jobTitle: person.jobTitle,
      teamName: teamName.get(person.teamId ?? 0) ?? '',
      roleProfiles: [...new Set(roles.map((row) => row.roleProfile?.name ?? ''))],
      cells,
      gaps: gapsAcross(cells),
      flags,
      flagCount: flagCountOf(flags),
    };
  });
  // With the drill-down, only the people who hold that standard (that section) are shown.
  const shown = level === 'standards' ? rows : rows.filter((row) => row.cells.some((cell) => cell !== null));
  const standard = filters.standard !== undefined ? allHeld.find((entry) => entry.urn === filters.standard)! : null;
  return {
    managesTeams: teams.length > 0,
    filters: { location: filters.location ?? null, team: filters.team ?? null, role: filters.role ?? null, sort },
    options: {
      locations,
      teams: teams.map((team) => ({ id: team.id, name: team.name, locationName: team.location?.name ?? null })),
      roleProfiles: roleProfiles.map((profile) => ({ id: profile.id, name: profile.name })),
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

function flagCountOf(flags: PersonFlags): number {
  return [
    flags.noLineSupervisor,
    flags.supervisionOverdue !== null,
    flags.noAgreement,
    flags.recordsLate > 0,
    flags.pdp !== null,
    flags.unacknowledgedPolicies > 0,
    flags.passedTargets.length > 0,
  ].filter(Boolean).length;
}
