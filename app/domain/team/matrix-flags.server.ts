// The team matrix's people and what needs the manager's attention beside each: no line supervisor who counts,
// supervision overdue or without an agreement, records late, the PDP missing or stale, policies not acknowledged,
// role targets passed. Two statements for the whole team (docs/decisions/032): the people with everything but their
// role profiles, then those. Unchecked: teamMatrix has already chosen the people of the teams the manager manages.
import { QueryTypes } from 'sequelize';
import { dateColumn, type IsoDate } from '#app/utils/dates/index.ts';
import { sequelize } from '#db/models/index.ts';
import { PLAN_STANDING_COLUMNS, planStandingOfRow, type PlanStandingRow } from '../development/plans.server.ts';
import { SUPERVISION_STANDING_COLUMNS, supervisionStandingOfRow, type SupervisionStanding, type SupervisionStandingRow } from '../supervision/internal/overdue.server.ts';
import { pdpStandingFrom, type PdpStanding } from './pdp-standing.ts';
import { shownPeopleReplacements, shownPeopleSql, type ShownPeople } from './shown-people.ts';

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

export type TeamPerson = {
  id: number;
  name: string;
  jobTitle: string | null;
  teamId: number | null;
  lineSupervisorId: number | null;
  isWorker: boolean;
  supervisorCounts: boolean;
  unacknowledgedPolicies: number;
  supervision: SupervisionStanding;
  pdp: PdpStanding;
};

// The active people of these teams, whether they hold the worker role, and whether their line supervisor's link
// counts (active, with the supervisor role: the rule of supervisorsAmong in relationships.server.ts), and how many of
// the organisation's current policies they have not acknowledged; their supervision and their PDP's standing.
const PEOPLE_SQL = `
SELECT p.id, p.name, p.job_title AS "jobTitle", p.team_id AS "teamId", p.line_supervisor_id AS "lineSupervisorId",
  CASE WHEN EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = 'worker') THEN 1 ELSE 0 END AS "isWorker",
  CASE WHEN EXISTS (SELECT 1 FROM people s JOIN person_roles r ON r.person_id = s.id AND r.role = 'supervisor'
                    WHERE s.id = p.line_supervisor_id AND s.organisation_id = p.organisation_id AND s.deactivated_at IS NULL) THEN 1 ELSE 0 END AS "supervisorCounts",
  (SELECT COUNT(*) FROM policy_versions v WHERE v.organisation_id = p.organisation_id AND v.is_current = :current
     AND NOT EXISTS (SELECT 1 FROM policy_acknowledgements a WHERE a.policy_version_id = v.id AND a.person_id = p.id)) AS "unacknowledgedPolicies",
  ${SUPERVISION_STANDING_COLUMNS},
  ${PLAN_STANDING_COLUMNS}
FROM people p
WHERE p.id IN `;

type PersonRow = Record<'id' | 'name' | 'jobTitle' | 'teamId' | 'lineSupervisorId' | 'isWorker' | 'supervisorCounts' | 'unacknowledgedPolicies', string | number | null> &
  SupervisionStandingRow &
  PlanStandingRow;

/** The people shown, by name, with their standing on `todayDate`. */
export async function teamPeople(shown: ShownPeople, todayDate: IsoDate): Promise<TeamPerson[]> {
  if (!shown.teamIds.length) return [];
  const rows = await sequelize.query<PersonRow>(`${PEOPLE_SQL}(${shownPeopleSql(shown)}) ORDER BY p.name, p.id`, {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: { ...shownPeopleReplacements(shown), current: true, today: todayDate },
  });
  return rows.map((row) => ({
    id: Number(row.id),
    name: String(row.name),
    jobTitle: row.jobTitle === null ? null : String(row.jobTitle),
    teamId: row.teamId === null ? null : Number(row.teamId),
    lineSupervisorId: row.lineSupervisorId === null ? null : Number(row.lineSupervisorId),
    isWorker: Number(row.isWorker) === 1,
    supervisorCounts: Number(row.supervisorCounts) === 1,
    unacknowledgedPolicies: Number(row.unacknowledgedPolicies),
    supervision: supervisionStandingOfRow(row, todayDate),
    pdp: pdpStandingFrom(planStandingOfRow(row, todayDate)),
  }));
}

const ASSIGNMENTS_SQL = `
SELECT a.person_id AS "personId", a.target_date AS "targetDate", p.name
FROM role_assignments a JOIN role_profiles p ON p.id = a.role_profile_id
WHERE a.ended_on IS NULL AND a.person_id IN `;

/** Each shown person's current role profiles, with their target dates, oldest target first. */
async function currentRolesOf(shown: ShownPeople): Promise<Map<number, { name: string; targetDate: string }[]>> {
  const byPerson = new Map<number, { name: string; targetDate: string }[]>();
  if (!shown.teamIds.length) return byPerson;
  const rows = await sequelize.query<{ personId: number; targetDate: string | Date; name: string }>(`${ASSIGNMENTS_SQL}(${shownPeopleSql(shown)}) ORDER BY a.target_date, a.id`, {
    type: QueryTypes.SELECT,
    raw: true,
    replacements: shownPeopleReplacements(shown),
  });
  for (const row of rows) {
    const list = byPerson.get(Number(row.personId)) ?? [];
    list.push({ name: row.name, targetDate: dateColumn(row.targetDate) });
    byPerson.set(Number(row.personId), list);
  }
  return byPerson;
}

export type TeamFlags = {
  /** A person's current role profiles, by name, once each. */
  roleProfilesOf: (person: TeamPerson) => string[];
  /** What needs attention for a person with this many gaps across their standards (a missing PDP needs a gap). */
  flagsOf: (person: TeamPerson, overallGaps: number) => PersonFlags;
};

/** Reads what the rest of the flags need, the shown people's current role profiles, for all of them at once: one statement. */
export async function teamFlags(shown: ShownPeople, todayDate: IsoDate): Promise<TeamFlags> {
  const roles = await currentRolesOf(shown);
  return {
    roleProfilesOf: (person) => [...new Set((roles.get(person.id) ?? []).map((row) => row.name))],
    flagsOf: (person, overallGaps) => {
      const supervised = person.lineSupervisorId !== null || person.isWorker;
      const { supervision: inSupervision, pdp: standing } = person;
      return {
        noLineSupervisor: supervised && !person.supervisorCounts,
        supervisionOverdue: inSupervision.sessionOverdue,
        noAgreement: supervised && !inSupervision.hasAgreement,
        recordsLate: inSupervision.recordsLate,
        // A PDP is missing only where there is something to develop; a stale one is stale whatever the gaps.
        pdp: standing.status === 'stale' ? 'stale' : standing.status === 'missing' && overallGaps > 0 ? 'missing' : null,
        pdpAgreedOn: standing.agreedOn,
        unacknowledgedPolicies: person.unacknowledgedPolicies,
        passedTargets: (roles.get(person.id) ?? [])
          .filter((row) => row.targetDate < todayDate)
          .map((row) => ({ roleProfileName: row.name, targetDate: row.targetDate })),
      };
    },
  };
}

export function flagCountOf(flags: PersonFlags): number {
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
