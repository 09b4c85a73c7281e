// The manager's team page: the people they manage by the standards their roles require, each cell counting the items
// met, not yet met, submitted, with evidence mapped or with nothing; drilled down to one standard's sections and one
// section's items; and beside each person what needs the manager's attention. A fixed number of statements whatever
// the size of the team: every read below is for all the people at once.
import { Op, QueryTypes } from 'sequelize';
import { z } from 'zod';
import { dateColumn, today } from '#app/utils/dates/index.ts';
import { NotFound } from '#app/utils/errors.server.ts';
import { assertCan, type Actor } from '#app/utils/permissions.server.ts';
import { Location, RoleProfile, Team, sequelize } from '#db/models/index.ts';
import type { ItemState } from '../evidence-types.ts';
import { managedTeamIds } from '../relationships.server.ts';
import { supervisionStandingOf } from '../supervision/internal/overdue.server.ts';
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

type CountRow = { workerId: number; versionId: number; key: string | number | null } & Record<'met' | 'notYetMet' | 'submitted' | 'mapped', number | string>;

/**
 * Counts of the projection's states (ADR 023) per worker, held version and column (whole standards, sections or
 * items), one row per cell: the items with nothing are the rest of the column's total.
 */
function countsSql(level: 'sections' | 'items', section: boolean) {
  const key = level === 'sections' ? ', i.section' : ', i.id';
  const count = (state: ItemState) => `SUM(CASE WHEN w.state = '${state}' THEN 1 ELSE 0 END)`;
  return `
SELECT w.worker_id AS "workerId", i.standard_version_id AS "versionId"${key} AS "key",
       ${count('met')} AS "met", ${count('not_yet_met')} AS "notYetMet", ${count('submitted')} AS "submitted", ${count('mapped')} AS "mapped"
FROM worker_item_states w
JOIN standard_items i ON i.id = w.standard_item_id
JOIN standard_versions v ON v.id = i.standard_version_id JOIN standards s ON s.id = v.standard_id
WHERE w.worker_id IN (:workerIds) AND s.urn = :urn${section ? ' AND i.section = :section' : ''}
GROUP BY w.worker_id, i.standard_version_id${key}`;
}

function countStates(level: 'sections' | 'items', workerIds: number[], urn: string, section?: string) {
  if (!workerIds.length) return Promise.resolve([] as CountRow[]);
  return sequelize.query<CountRow>(countsSql(level, section !== undefined), {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { workerIds, urn, section: section ?? null },
  });
}

type Holding = { personId: number; standardVersionId: number; urn: string; title: string; total: number } & Record<'met' | 'notYetMet' | 'submitted' | 'mapped', number>;
type VersionItem = { id: number; standardVersionId: number; code: string; section: string; text: string };

// Every standard version each person holds (the rule of held-items.server.ts: every item of every version held) with
// its number of items and the counts of the projection's states in it: the whole-standard matrix in one statement.
const HOLDINGS_SQL = `
SELECT ps.person_id AS "personId", ps.standard_version_id AS "standardVersionId", s.urn, v.title, n.total,
       COALESCE(c.met, 0) AS "met", COALESCE(c.not_yet_met, 0) AS "notYetMet", COALESCE(c.submitted, 0) AS "submitted", COALESCE(c.mapped, 0) AS "mapped"
FROM person_standards ps
JOIN standard_versions v ON v.id = ps.standard_version_id
JOIN standards s ON s.id = v.standard_id
JOIN (SELECT standard_version_id, COUNT(*) AS total FROM standard_items
      WHERE standard_version_id IN (SELECT standard_version_id FROM person_standards WHERE person_id IN (:workerIds))
      GROUP BY standard_version_id) n ON n.standard_version_id = ps.standard_version_id
LEFT JOIN (
  SELECT w.worker_id, i.standard_version_id,
         SUM(CASE WHEN w.state = 'met' THEN 1 ELSE 0 END) AS met, SUM(CASE WHEN w.state = 'not_yet_met' THEN 1 ELSE 0 END) AS not_yet_met,
         SUM(CASE WHEN w.state = 'submitted' THEN 1 ELSE 0 END) AS submitted, SUM(CASE WHEN w.state = 'mapped' THEN 1 ELSE 0 END) AS mapped
  FROM worker_item_states w JOIN standard_items i ON i.id = w.standard_item_id
  WHERE w.worker_id IN (:workerIds)
  GROUP BY w.worker_id, i.standard_version_id
) c ON c.worker_id = ps.person_id AND c.standard_version_id = ps.standard_version_id
WHERE ps.person_id IN (:workerIds)`;

// Drilling into a standard: its items, in the versions these people hold, newest version first.
const ITEMS_SQL = `
SELECT i.id, i.standard_version_id AS "standardVersionId", i.code, i.section, i.text FROM standard_items i
JOIN standard_versions v ON v.id = i.standard_version_id JOIN standards s ON s.id = v.standard_id
WHERE s.urn = :urn AND i.standard_version_id IN (SELECT standard_version_id FROM person_standards WHERE person_id IN (:workerIds))
ORDER BY i.standard_version_id DESC, i.position`;

async function holdingsOf(workerIds: number[]): Promise<Holding[]> {
  if (!workerIds.length) return [];
  const rows = await sequelize.query<Record<keyof Holding, string | number>>(HOLDINGS_SQL, { type: QueryTypes.SELECT, raw: true, replacements: { workerIds } });
  return rows.map((row) => ({
    personId: Number(row.personId),
    standardVersionId: Number(row.standardVersionId),
    urn: String(row.urn),
    title: String(row.title),
    total: Number(row.total),
    met: Number(row.met),
    notYetMet: Number(row.notYetMet),
    submitted: Number(row.submitted),
    mapped: Number(row.mapped),
  }));
}

async function itemsOf(workerIds: number[], urn: string | undefined): Promise<VersionItem[]> {
  if (!workerIds.length || urn === undefined) return [];
  const rows = await sequelize.query<VersionItem>(ITEMS_SQL, { type: QueryTypes.SELECT, raw: true, replacements: { workerIds, urn } });
  return rows.map((row) => ({ ...row, id: Number(row.id), standardVersionId: Number(row.standardVersionId) }));
}

/** Per person, the whole-standard cells, one per URN (the counts of every version of it they hold). */
function standardCells(holdings: Holding[], urns: string[]): (workerId: number) => (Cell | null)[] {
  const index = new Map(urns.map((urn, position) => [urn, position]));
  const byPerson = new Map<number, (Cell | null)[]>();
  for (const holding of holdings) {
    const cells = byPerson.get(holding.personId) ?? urns.map(() => null);
    const column = index.get(holding.urn)!;
    const cell = cellOf(holding.total, { met: holding.met, not_yet_met: holding.notYetMet, submitted: holding.submitted, mapped: holding.mapped });
    cells[column] = cells[column] ? addCells(cells[column]!, cell) : cell;
    byPerson.set(holding.personId, cells);
  }
  return (workerId) => byPerson.get(workerId) ?? urns.map(() => null);
}

type TeamPerson = { id: number; name: string; jobTitle: string | null; teamId: number | null; lineSupervisorId: number | null; isWorker: boolean; supervisorCounts: boolean };

// The active people of these teams, whether they hold the worker role, and whether their line supervisor's link
// counts (active, with the supervisor role: the rule of supervisorsAmong in relationships.server.ts).
const PEOPLE_SQL = `
SELECT p.id, p.name, p.job_title AS "jobTitle", p.team_id AS "teamId", p.line_supervisor_id AS "lineSupervisorId",
  CASE WHEN EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = 'worker') THEN 1 ELSE 0 END AS "isWorker",
  CASE WHEN EXISTS (SELECT 1 FROM people s JOIN person_roles r ON r.person_id = s.id AND r.role = 'supervisor'
                    WHERE s.id = p.line_supervisor_id AND s.organisation_id = p.organisation_id AND s.deactivated_at IS NULL) THEN 1 ELSE 0 END AS "supervisorCounts"
FROM people p
WHERE p.organisation_id = :organisationId AND p.team_id IN (:teamIds) AND p.deactivated_at IS NULL`;
const WITH_ROLE = ` AND p.id IN (SELECT person_id FROM role_assignments WHERE ended_on IS NULL AND role_profile_id = :roleProfileId)`;

async function teamPeople(organisationId: number, teamIds: number[], roleProfileId: number | undefined): Promise<TeamPerson[]> {
  if (!teamIds.length) return [];
  const rows = await sequelize.query<Record<keyof TeamPerson, string | number | null>>(
    `${PEOPLE_SQL}${roleProfileId === undefined ? '' : WITH_ROLE} ORDER BY p.name, p.id`,
    { type: QueryTypes.SELECT, raw: true, replacements: { organisationId, teamIds, roleProfileId: roleProfileId ?? null } },
  );
  return rows.map((row) => ({
    id: Number(row.id),
    name: String(row.name),
    jobTitle: row.jobTitle === null ? null : String(row.jobTitle),
    teamId: row.teamId === null ? null : Number(row.teamId),
    lineSupervisorId: row.lineSupervisorId === null ? null : Number(row.lineSupervisorId),
    isWorker: Number(row.isWorker) === 1,
    supervisorCounts: Number(row.supervisorCounts) === 1,
  }));
}

const ASSIGNMENTS_SQL = `
SELECT a.person_id AS "personId", a.target_date AS "targetDate", p.name
FROM role_assignments a JOIN role_profiles p ON p.id = a.role_profile_id
WHERE a.person_id IN (:workerIds) AND a.ended_on IS NULL
ORDER BY a.target_date, a.id`;

/** Each person's current role profiles, with their target dates, oldest target first. */
async function currentRolesOf(workerIds: number[]): Promise<Map<number, { name: string; targetDate: string }[]>> {
  const byPerson = new Map<number, { name: string; targetDate: string }[]>();
  if (!workerIds.length) return byPerson;
  const rows = await sequelize.query<{ personId: number; targetDate: string | Date; name: string }>(ASSIGNMENTS_SQL, {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { workerIds },
  });
  for (const row of rows) {
    const list = byPerson.get(Number(row.personId)) ?? [];
    list.push({ name: row.name, targetDate: dateColumn(row.targetDate) });
    byPerson.set(Number(row.personId), list);
  }
  return byPerson;
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

type Totals = Map<number, Map<string, number>>;

/** Per held version of the standard drilled into, the items in each column (a section, or an item of one section). */
function drilledTotals(items: VersionItem[], level: MatrixLevel, section: string | undefined) {
  const totals: Totals = new Map();
  const keyOfItem = new Map<number, string>();
  for (const item of items) {
    if (section !== undefined && item.section !== section) continue;
    const key = level === 'sections' ? item.section : item.code;
    keyOfItem.set(item.id, key);
    const byColumn = totals.get(item.standardVersionId) ?? new Map<string, number>();
    byColumn.set(key, (byColumn.get(key) ?? 0) + 1);
    totals.set(item.standardVersionId, byColumn);
  }
  return { totals, keyOfItem };
}

/** The standards by URN (the newest version's title); a standard's sections or a section's items in the newest version's order. */
function columnsOf(holdings: Holding[], items: VersionItem[], level: MatrixLevel, section: string | undefined): MatrixColumn[] {
  const columns = new Map<string, MatrixColumn>();
  if (level === 'standards') {
    for (const holding of [...holdings].sort((a, b) => a.urn.localeCompare(b.urn) || b.standardVersionId - a.standardVersionId)) {
      if (!columns.has(holding.urn)) columns.set(holding.urn, { key: holding.urn, label: holding.urn, text: holding.title });
    }
    return [...columns.values()];
  }
  for (const item of items) {
    if (section !== undefined && item.section !== section) continue;
    const key = level === 'sections' ? item.section : item.code;
    if (!columns.has(key)) columns.set(key, level === 'sections' ? { key, label: key } : { key, label: key, text: item.text });
  }
  return [...columns.values()];
}

/**
 * Each worker's cells from the count rows: per column, the total of items in the versions they hold, with the
 * counts of the states something has happened to.
 */
function cellsFrom(
  rows: CountRow[],
  totals: Totals,
  columns: string[],
  heldVersions: Map<number, number[]>,
  keyOfRow: (row: CountRow) => string | undefined,
): (workerId: number) => (Cell | null)[] {
  const index = new Map(columns.map((key, position) => [key, position]));
  const counts = new Map<number, Partial<Record<ItemState, number>>[]>();
  for (const row of rows) {
    const workerId = Number(row.workerId);
    const column = index.get(keyOfRow(row) ?? '');
    if (column === undefined || !totals.has(Number(row.versionId))) continue;
    const list = counts.get(workerId) ?? Array.from({ length: columns.length }, (): Partial<Record<ItemState, number>> => ({}));
    const cell = list[column]!;
    cell.met = (cell.met ?? 0) + Number(row.met);
    cell.not_yet_met = (cell.not_yet_met ?? 0) + Number(row.notYetMet);
    cell.submitted = (cell.submitted ?? 0) + Number(row.submitted);
    cell.mapped = (cell.mapped ?? 0) + Number(row.mapped);
    counts.set(workerId, list);
  }
  return (workerId) => {
    const totalsOf = new Array<number>(columns.length).fill(0);
    for (const versionId of heldVersions.get(workerId) ?? []) {
      for (const [key, total] of totals.get(versionId) ?? []) {
        const column = index.get(key);
        if (column !== undefined) totalsOf[column] = (totalsOf[column] ?? 0) + total;
      }
    }
    const mine = counts.get(workerId);
    return totalsOf.map((total, column) => (total === 0 ? null : cellOf(total, mine?.[column] ?? {})));
  };
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

  const people = await teamPeople(actor.organisationId, chosenTeams.map((team) => team.id), filters.role);
  const ids = people.map((person) => person.id);
  const level: MatrixLevel = filters.section !== undefined ? 'items' : filters.standard !== undefined ? 'sections' : 'standards';

  const [holdings, items, drilled, roles, supervision, pdp, policies] = await Promise.all([
    holdingsOf(ids),
    itemsOf(ids, filters.standard),
    level === 'standards' ? Promise.resolve(null) : countStates(level, ids, filters.standard!, filters.section),
    currentRolesOf(ids),
    supervisionStandingOf(ids, todayDate),
    pdpStandingOf(ids, todayDate),
    unacknowledgedPolicies(ids),
  ]);

  const heldVersions = new Map<number, number[]>();
  for (const holding of holdings) heldVersions.set(holding.personId, [...(heldVersions.get(holding.personId) ?? []), holding.standardVersionId]);
  const urns = [...new Set(holdings.map((holding) => holding.urn))].sort();
  if (filters.standard !== undefined && !urns.includes(filters.standard)) throw new NotFound('Standard');
  const columns = columnsOf(holdings, items, level, filters.section);
  if (filters.section !== undefined && !columns.length) throw new NotFound('Section');

  const overallCells = standardCells(holdings, urns);
  let shownCells = overallCells;
  if (level !== 'standards') {
    const { totals, keyOfItem } = drilledTotals(items, level, filters.section);
    shownCells = cellsFrom(drilled ?? [], totals, columns.map((column) => column.key), heldVersions, (row) =>
      level === 'sections' ? String(row.key) : keyOfItem.get(Number(row.key)),
    );
  }

  const rows: MatrixRow[] = people.map((person) => {
    const current = roles.get(person.id) ?? [];
    const supervised = person.lineSupervisorId !== null || person.isWorker;
    const overallGaps = gapsAcross(overallCells(person.id));
    const standing = pdp.get(person.id) ?? null;
    const inSupervision = supervision.get(person.id)!;
    const flags: PersonFlags = {
      noLineSupervisor: supervised && !person.supervisorCounts,
      supervisionOverdue: inSupervision.sessionOverdue,
      noAgreement: supervised && !inSupervision.hasAgreement,
      recordsLate: inSupervision.recordsLate,
      // A PDP is missing only where there is something to develop; a stale one is stale whatever the gaps.
      pdp: standing?.status === 'stale' ? 'stale' : standing?.status === 'missing' && overallGaps > 0 ? 'missing' : null,
      pdpAgreedOn: standing?.agreedOn ?? null,
      unacknowledgedPolicies: policies.get(person.id) ?? 0,
      passedTargets: current.filter((row) => row.targetDate < todayDate).map((row) => ({ roleProfileName: row.name, targetDate: row.targetDate })),
    };
    const cells = shownCells(person.id);
    return {
      id: person.id,
      name: person.name,
      jobTitle: person.jobTitle,
      teamName: teamName.get(person.teamId ?? 0) ?? '',
      roleProfiles: [...new Set(current.map((row) => row.name))],
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
