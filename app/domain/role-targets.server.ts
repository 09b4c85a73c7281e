// Roles whose target date has passed: for the worker, with how much of the role's standards is still missing; for a
// manager's team, who they are. A role's target is the date by which the person should hold its standards.
import { Op } from 'sequelize';
import { today } from '#app/utils/dates/index.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { RoleAssignment, RoleProfile, RoleProfileStandard, Standard } from '#db/models/index.ts';
import { workerProgress } from './progress.server.ts';

export type PassedTarget = { roleProfileId: number; roleProfileName: string; targetDate: string };

/** Open assignments past their target date, oldest target first; every row in one query. */
function passedAssignments(personIds: number[], withStandards: boolean) {
  return RoleAssignment.findAll({
    where: { personId: { [Op.in]: personIds }, endedOn: null, targetDate: { [Op.lt]: today() } },
    include: [
      {
        model: RoleProfile,
        as: 'roleProfile',
        attributes: ['id', 'name'],
        include: withStandards
          ? [{ model: RoleProfileStandard, as: 'requirements', attributes: ['standardId'], include: [{ model: Standard, as: 'standard', attributes: ['urn'] }] }]
          : [],
      },
    ],
    order: [
      ['targetDate', 'ASC'],
      ['id', 'ASC'],
    ],
  });
}

/**
 * Unchecked: the caller has already chosen people the actor may see (the team page's own list). Each person's roles
 * whose target date has passed, keyed by person; people with none are not in the map.
 */
export async function passedTargetsOf(personIds: number[]): Promise<Map<number, PassedTarget[]>> {
  const byPerson = new Map<number, PassedTarget[]>();
  if (!personIds.length) return byPerson;
  for (const row of await passedAssignments(personIds, false)) {
    const list = byPerson.get(row.personId) ?? [];
    list.push({ roleProfileId: row.roleProfileId, roleProfileName: row.roleProfile?.name ?? '', targetDate: row.targetDate });
    byPerson.set(row.personId, list);
  }
  return byPerson;
}

/**
 * The worker's own roles past their target date, each with the number of items still missing from the role's
 * standards, counted exactly as the progress page counts "What is missing" (its own function, so they agree).
 */
export async function ownPassedTargets(actor: Actor): Promise<(PassedTarget & { itemsToDo: number })[]> {
  const assignments = await passedAssignments([actor.id], true);
  if (!assignments.length) return [];
  const missingByUrn = new Map((await workerProgress(actor, actor.id)).standards.map((standard) => [standard.urn, standard.missing.length]));
  return assignments.map((row) => {
    const urns = new Set((row.roleProfile?.requirements ?? []).map((requirement) => requirement.standard?.urn ?? ''));
    return {
      roleProfileId: row.roleProfileId,
      roleProfileName: row.roleProfile?.name ?? '',
      targetDate: row.targetDate,
      itemsToDo: [...urns].reduce((total, urn) => total + (missingByUrn.get(urn) ?? 0), 0),
    };
  });
}
