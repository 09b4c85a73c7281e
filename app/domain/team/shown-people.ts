// The people the team page shows, as a subquery that each of its statements selects by, so that all of them can be
// sent at once rather than after the people are known: on MariaDB they then run side by side on the pool's
// connections. The people of these teams of the organisation, active, holding the role profile if one is chosen.

export type ShownPeople = { organisationId: number; teamIds: number[]; roleProfileId: number | undefined };

/** The subquery of their ids; its replacements are shownPeopleReplacements. */
export function shownPeopleSql(shown: ShownPeople): string {
  const withRole = shown.roleProfileId === undefined ? '' : ' AND sp.id IN (SELECT person_id FROM role_assignments WHERE ended_on IS NULL AND role_profile_id = :roleProfileId)';
  return `SELECT sp.id FROM people sp WHERE sp.organisation_id = :organisationId AND sp.team_id IN (:teamIds) AND sp.deactivated_at IS NULL${withRole}`;
}

export function shownPeopleReplacements(shown: ShownPeople) {
  return { organisationId: shown.organisationId, teamIds: shown.teamIds, roleProfileId: shown.roleProfileId ?? null };
}
