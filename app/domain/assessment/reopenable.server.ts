// The achieved standards of one person that the actor may reopen: for the admin's page of that person, since an admin
// reopens without reading the worker's evidence. Empty for anyone who may not reopen.
import { NotFound } from '#app/utils/errors.server.ts';
import type { Actor } from '#app/utils/permissions.server.ts';
import { Person } from '#db/models/index.ts';
import { heldStandards } from '../evidence/internal/held-items.server.ts';
import { isAchieved, latestAchievements, mayReopen } from './achievements.server.ts';

export async function reopenableStandards(actor: Actor, workerId: number) {
  const person = await Person.findOne({ where: { id: workerId, organisationId: actor.organisationId }, attributes: ['id'] });
  if (!person) throw new NotFound('Person');
  if (!(await mayReopen(actor))) return [];
  const [standards, latest] = await Promise.all([heldStandards(workerId), latestAchievements([workerId]).then((byWorker) => byWorker.get(workerId)!)]);
  return standards.flatMap((standard) => {
    const achievement = latest.get(standard.standardVersionId);
    if (!achievement || !isAchieved(achievement)) return [];
    return [{
      standardVersionId: standard.standardVersionId,
      urn: standard.urn,
      version: standard.version,
      title: standard.title,
      achievement: { event: achievement.event, at: achievement.at.toISOString(), personName: achievement.personName, reason: achievement.reason },
    }];
  });
}
