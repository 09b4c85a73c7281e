// Teams within teams: a council's service with its teams, a charity's scheme with its rota groups. A manager of a team
// manages the teams below it; choosing a team chooses the teams below it too. Pure: the caller loads the
// organisation's teams (a few dozen rows) once and asks these.

export type TeamNode = { id: number; parentTeamId: number | null };

function childrenOf(teams: TeamNode[]): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const team of teams) {
    if (team.parentTeamId === null) continue;
    children.set(team.parentTeamId, [...(children.get(team.parentTeamId) ?? []), team.id]);
  }
  return children;
}

/** The given teams and every team below them, each once, in no particular order. Safe against a cycle in the data. */
export function teamsWithin(teams: TeamNode[], rootIds: Iterable<number>): number[] {
  const children = childrenOf(teams);
  const seen = new Set<number>();
  const waiting = [...rootIds];
  while (waiting.length) {
    const id = waiting.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    waiting.push(...(children.get(id) ?? []));
  }
  return [...seen];
}

/** Whether making `parentTeamId` the parent of `teamId` would put the team inside itself. */
export function wouldBeWithinItself(teams: TeamNode[], teamId: number, parentTeamId: number): boolean {
  return teamsWithin(teams, [teamId]).includes(parentTeamId);
}

/** A team's name with the teams above it, outermost first: "Adult Services › Evening line". */
export function teamPath(teams: (TeamNode & { name: string })[], teamId: number): string {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const names: string[] = [];
  const seen = new Set<number>();
  for (let team = byId.get(teamId); team && !seen.has(team.id); team = team.parentTeamId === null ? undefined : byId.get(team.parentTeamId)) {
    seen.add(team.id);
    names.unshift(team.name);
  }
  return names.join(' › ');
}
