// The organisation's supervision policy, set per role profile (how often, and how often during probation), with the
// NICE home-care floor of at least every 13 weeks; an agreement less frequent than its worker's policy is flagged.
import { Op } from 'sequelize';
import { RoleAssignment, RoleProfile } from '#db/models/index.ts';
import { MAX_INTERVAL_WEEKS, everyWeeks } from '../statuses.ts';

export type PolicyCheck = { requiredWeeks: number; source: string; meetsPolicy: boolean; message: string | null };

/** Unchecked: callers have already read the agreements through agreementsFor. */

/** The supervision asked for by a worker's current roles: what checkFrequency compares an agreement with. */
export type RolePolicies = { name: string; supervisionFrequencyWeeks: number; probationSupervisionFrequencyWeeks: number | null }[];

/** The policies of each worker's current roles, in one query however many workers or agreements are checked. */
export async function rolePoliciesOf(workerIds: number[]): Promise<Map<number, RolePolicies>> {
  const byWorker = new Map<number, RolePolicies>(workerIds.map((id) => [id, []]));
  if (!workerIds.length) return byWorker;
  const assignments = await RoleAssignment.findAll({
    where: { personId: { [Op.in]: workerIds }, endedOn: null },
    include: [{ model: RoleProfile, as: 'roleProfile' }],
    order: [['id', 'ASC']],
  });
  for (const assignment of assignments) {
    if (assignment.roleProfile) byWorker.get(assignment.personId)!.push(assignment.roleProfile);
  }
  return byWorker;
}

/** The most frequent supervision any of the roles asks for, and whether `frequencyWeeks` meets it. */
export function checkFrequency(policies: RolePolicies, frequencyWeeks: number, probation: boolean): PolicyCheck {
  let requiredWeeks = MAX_INTERVAL_WEEKS;
  let source = 'the NICE home care quality standard (at least every 13 weeks)';
  for (const profile of policies) {
    const weeks = probation && profile.probationSupervisionFrequencyWeeks ? profile.probationSupervisionFrequencyWeeks : profile.supervisionFrequencyWeeks;
    if (weeks < requiredWeeks) {
      requiredWeeks = weeks;
      source = `the ${profile.name} role profile${probation && profile.probationSupervisionFrequencyWeeks ? ' during probation' : ''}`;
    }
  }
  const meetsPolicy = frequencyWeeks <= requiredWeeks;
  return {
    requiredWeeks,
    source,
    meetsPolicy,
    message: meetsPolicy
      ? null
      : `${everyWeeks(frequencyWeeks)} is less often than ${source} requires (${everyWeeks(requiredWeeks).toLowerCase()})`,
  };
}
